import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../../app/api';
import { currentLanguage } from '../../app/i18n';

export type Industry = { code: string; name: string; nameEn: string; chain: string | null; sortOrder: number; active: boolean };
export type Tier = { code: string; name: string; nameEn: string; definition: string };
export type Region = { code: string; name: string; cities: { code: string; name: string }[] };
export type Park = { id: string; name: string };
export type Reference = { industries: Industry[]; tiers: Tier[]; regions: Region[]; parks: Park[] };

export const fetchReference = () => api.get<Reference>('/api/reference');

/** The zone's reference data (industries, tiers, regions, parks): data, not code; loaded once per session. */
export function useReference() {
  return useQuery({ queryKey: ['reference'], queryFn: fetchReference, staleTime: 10 * 60_000 });
}

const english = () => currentLanguage() === 'en-US';

/**
 * An industry's name in the interface language, from the reference data (industries are data: a zone adds its own;
 * there is no fixed list in the web code). Until the data is loaded, or for a code it does not hold, 未知产业.
 */
export function industryName(t: TFunction, reference: Reference | undefined, code: string | null | undefined): string {
  if (!code) return '';
  const industry = reference?.industries.find((entry) => entry.code === code);
  if (industry) return english() ? industry.nameEn : industry.name;
  return t('common.unknownIndustry');
}

export function tierName(reference: Reference | undefined, code: string | null | undefined): string {
  if (!code) return '';
  const tier = reference?.tiers.find((entry) => entry.code === code);
  return tier ? (english() ? tier.nameEn : tier.name) : code;
}

/** Select options: the active industries in the zone's order (an inactive one that is the current value stays listed). */
export function industryOptions(reference: Reference | undefined, keep?: string | null) {
  return [...(reference?.industries ?? [])]
    .filter((industry) => industry.active || industry.code === keep)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((industry) => ({ value: industry.code, label: english() ? industry.nameEn : industry.name }));
}

export function tierOptions(reference: Reference | undefined) {
  return (reference?.tiers ?? []).map((tier) => ({ value: tier.code, label: english() ? tier.nameEn : tier.name, title: tier.definition }));
}

/** Province → city options for a Cascader (GB/T 2260 codes; a native place is a city code). */
export function regionOptions(reference: Reference | undefined) {
  return (reference?.regions ?? []).map((region) => ({ value: region.code, label: region.name, children: region.cities.map((city) => ({ value: city.code, label: city.name })) }));
}

/** The Cascader value of a city code: `[province, city]`, or undefined when the code is not in the list. */
export function regionPath(reference: Reference | undefined, cityCode: string | null | undefined): [string, string] | undefined {
  if (!cityCode) return undefined;
  const region = reference?.regions.find((entry) => entry.cities.some((city) => city.code === cityCode));
  return region ? [region.code, cityCode] : undefined;
}
