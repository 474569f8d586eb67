import { count, eq } from 'drizzle-orm';
import { compactTallies } from '../../modules/home/tallies.repo';
import type { Secrets } from '../../security/secrets';
import type { Db } from '../client';
import { organisations, talents } from '../schema';
import { analyzeTables } from '../statistics';
import { nextTurn } from '../turns';
import type { IndustryCode } from './catalogue';
import { isEmpty, loadDemoData } from './index';
import { idNumberAllocator } from './people';
import { seededRandom, seedOf } from './random';
import { storeTalents } from './store';
import { localTalent, parseDrafts, staffWeight, type Employer, type GeneratorContext, type PlannedTalent } from './talents';

/** Talents drawn between two turns of the event loop. */
const drawSlice = 250;

export type ScaleProgress = { added: number; wanted: number; seconds: number };
export type ScaleOptions = {
  count: number;
  /** Talents per transaction. */
  batchSize?: number;
  /**
   * Draw the next batch while the database stores the last: for a database in its own process (PostgreSQL). In-process
   * PGlite runs both on one thread: nothing to overlap.
   */
  overlap?: boolean;
  onProgress?: (progress: ScaleProgress) => void;
};

/**
 * Adds `count` generated talents to the database (loading the demo data first when it is empty): the demo's
 * enterprise-talent generator (本土培养 / 自主来区) over the enterprises in the database, so the source's cohort
 * figures (68, 19, 11, 85) stay as they are. The seed stream follows the number of talents already stored, so each run
 * adds other people; ID numbers are checked against every stored one (by their look-up hash) and stay unique.
 * Each batch is its own transaction, with a turn of the event loop after it. With `overlap` the next batch is drawn
 * while the database stores the last one, in slices that give the event loop a turn so the transaction's statements
 * go out as soon as the previous one answers. At the end the tallies are folded (every batch appended a row per key it
 * changed: 1M talents left 820,000 rows for 1,700 keys, which the maps and the dashboard read whole) and the tables
 * written are analyzed.
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
  const plan = async (size: number): Promise<PlannedTalent[]> => {
    const drafts = [];
    for (let index = 0; index < size; index += 1) {
      drafts.push(localTalent(context, context.random.weighted(weighted)));
      if (options.overlap && index % drawSlice === drawSlice - 1) await nextTurn();
    }
    return parseDrafts(drafts);
  };
  const batchSize = options.batchSize ?? 2000;
  const generationStarted = seconds();
  let added = 0;
  let next = plan(Math.min(batchSize, options.count));
  while (added < options.count) {
    const planned = await next;
    const remaining = options.count - added - planned.length;
    if (options.overlap) next = plan(Math.min(batchSize, remaining));
    added += await db.transaction((tx) => storeTalents(tx, secrets, planned));
    if (!options.overlap) next = plan(Math.min(batchSize, remaining));
    options.onProgress?.({ added, wanted: options.count, seconds: seconds() });
    await nextTurn();
  }
  await next;
  await compactTallies(db);
  await analyzeTables(db, { tables: ['talents', 'talent_educations', 'talent_titles', 'talent_certificates', 'talent_status_history', 'tallies'] });
  /** seconds: in all; perSecond: talents generated and stored per second (the demo load left out). */
  return { added, loadedDemo, before: existing, seconds: seconds(), perSecond: Math.round(added / (seconds() - generationStarted)) };
}
