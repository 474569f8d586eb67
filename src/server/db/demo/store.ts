import { sql } from 'drizzle-orm';
import { maskPhone } from '../../../domain/validators/phone';
import { insertTalentsInBulk } from '../../modules/talents/talents.repo';
import { talentRecord } from '../../modules/talents/talents.service';
import { nameSortKey } from '../../search/segment';
import type { Secrets } from '../../security/secrets';
import type { Executor } from '../client';
import { organisations, talentStatusHistory } from '../schema';
import type { PlannedEnterprise } from './enterprises';
import type { PlannedTalent } from './talents';

/** Talents per INSERT: about 30 parameters each keeps a statement below PostgreSQL's 65,535 parameters. */
export const talentBatchSize = 1000;

/** The enterprises with their contact phone encrypted and masked, as talents' phones are. */
export async function storeEnterprises(executor: Executor, secrets: Secrets, enterprises: PlannedEnterprise[]) {
  return executor
    .insert(organisations)
    .values(
      enterprises.map(({ contactPhone, ...enterprise }) => ({
        id: enterprise.id,
        kind: enterprise.kind,
        name: enterprise.name,
        nameSortKey: nameSortKey(enterprise.name),
        industry: enterprise.industry,
        description: enterprise.description,
        creditCode: enterprise.creditCode,
        chainSegment: enterprise.chainSegment ?? null,
        parkId: enterprise.parkId ?? null,
        size: enterprise.size,
        foundedOn: enterprise.foundedOn,
        address: enterprise.address ?? null,
        contactName: enterprise.contactName ?? null,
        contactPhoneCipher: contactPhone ? secrets.encrypt(contactPhone) : null,
        contactPhoneMasked: contactPhone ? maskPhone(contactPhone) : null,
      })),
    )
    .returning();
}

/**
 * Stores planned talents as the service stores one (`talentRecord`: encryption, hashes, masks, search words) through
 * `insertTalents`, in batches. A talent who left gets the history of an outflow: in the zone since arrival, then left,
 * with the reason and destination.
 */
export async function storeTalents(executor: Executor, secrets: Secrets, planned: PlannedTalent[], batchSize = talentBatchSize) {
  let stored = 0;
  for (let start = 0; start < planned.length; start += batchSize) {
    const batch = planned.slice(start, start + batchSize);
    const records = batch.map((talent) => {
      const record = talentRecord(talent.input, secrets, talent.employerLabel);
      record.values.id = talent.id;
      record.values.statusSince = talent.statusSince;
      return record;
    });
    stored += await insertTalentsInBulk(executor, records, null);
    const leavers = batch.filter((talent) => talent.leaving);
    if (leavers.length) {
      await executor.insert(talentStatusHistory).values(leavers.map((talent) => ({ talentId: talent.id, status: 'inZone' as const, since: talent.input.arrivedOn!, note: '入区' })));
      const notes = sql.join(leavers.map((talent) => sql`(${talent.id}::uuid, ${talent.leaving!.note})`), sql`, `);
      await executor.execute(sql`
        update ${talentStatusHistory} set note = leaving.note
        from (values ${notes}) as leaving(talent_id, note)
        where ${talentStatusHistory.talentId} = leaving.talent_id and ${talentStatusHistory.status} = 'left'`);
    }
  }
  return stored;
}
