import { count, eq } from 'drizzle-orm';
import type { Secrets } from '../../security/secrets';
import type { Db } from '../client';
import { organisations, talents } from '../schema';
import type { IndustryCode } from './catalogue';
import { isEmpty, loadDemoData } from './index';
import { idNumberAllocator } from './people';
import { seededRandom, seedOf } from './random';
import { storeTalents } from './store';
import { localTalent, parseDrafts, staffWeight, type Employer, type GeneratorContext } from './talents';

export type ScaleProgress = { added: number; wanted: number; seconds: number };
export type ScaleOptions = {
  count: number;
  /** Talents per transaction. */
  batchSize?: number;
  onProgress?: (progress: ScaleProgress) => void;
};

/**
 * Adds `count` generated talents to the database (loading the demo data first when it is empty): the demo's
 * enterprise-talent generator (本土培养 / 自主来区) over the enterprises in the database, so the source's cohort
 * figures (68, 19, 11, 85) stay as they are. The seed stream follows the number of talents already stored, so each run
 * adds other people; ID numbers are checked against every stored one (by their look-up hash) and stay unique.
 * Each batch is its own transaction.
 */
export async function addGeneratedTalents(db: Db, secrets: Secrets, options: ScaleOptions) {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const loadedDemo = await isEmpty(db);
  if (loadedDemo) await loadDemoData(db, secrets);

  const [{ existing }] = await db.select({ existing: count() }).from(talents);
  const storedHashes = new Set((await db.select({ hash: talents.idNumberHash }).from(talents)).map((row) => row.hash));
  const enterprises = await db
    .select({ id: organisations.id, name: organisations.name, industry: organisations.industry, foundedOn: organisations.foundedOn, size: organisations.size })
    .from(organisations)
    .where(eq(organisations.kind, 'enterprise'));
  if (enterprises.length === 0) throw new Error('no enterprises to employ generated talents');
  const weighted = enterprises.map((row): [Employer, number] => [{ ...row, industry: (row.industry ?? 'modernServices') as IndustryCode }, staffWeight[row.size ?? 'small'] ?? staffWeight.small]);

  const stream = `scale:${existing}`;
  const context: GeneratorContext = {
    random: seededRandom(seedOf(stream)),
    ids: seededRandom(seedOf(`${stream}:ids`)),
    propensity: seededRandom(seedOf(`${stream}:propensity`)),
    allocateIdNumber: idNumberAllocator((idNumber) => storedHashes.has(secrets.lookupHash(idNumber))),
  };
  const batchSize = options.batchSize ?? 2000;
  const generationStarted = seconds();
  let added = 0;
  while (added < options.count) {
    const size = Math.min(batchSize, options.count - added);
    const planned = parseDrafts(Array.from({ length: size }, () => localTalent(context, context.random.weighted(weighted))));
    added += await db.transaction((tx) => storeTalents(tx, secrets, planned));
    options.onProgress?.({ added, wanted: options.count, seconds: seconds() });
  }
  /** seconds: in all; perSecond: talents generated and stored per second (the demo load left out). */
  return { added, loadedDemo, before: existing, seconds: seconds(), perSecond: Math.round(added / (seconds() - generationStarted)) };
}
