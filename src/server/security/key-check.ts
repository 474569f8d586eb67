import { systemMessage } from '../../domain/i18n';
import type { Db } from '../db/client';
import { useAuditChain, rowHash } from '../modules/audit/audit.chain';
import { recordAudit } from '../modules/audit/audit.service';
import type { Secrets } from './secrets';
import { insertSetting, newestChainedAuditRow, readSetting, sampleSealedIdNumber } from './key-check.repo';
import { systemActor } from '../plugins/auth';

export const keyCheckSetting = 'keyCheck';

/** Start-up refused: the master key cannot read the data. The message says, in both languages, what to do. */
export class KeyMismatchError extends Error {
  constructor(keyFile: string) {
    super(systemMessage('keyMismatch', { keyFile }));
    this.name = 'KeyMismatchError';
  }
}

/** Whether these secrets open data written before the key check existed: a sealed ID number, the newest audit hash. */
async function opensExistingData(db: Db, secrets: Secrets): Promise<boolean> {
  const sealed = await sampleSealedIdNumber(db);
  if (sealed) {
    try {
      secrets.decrypt(sealed);
    } catch {
      return false;
    }
  }
  const newest = await newestChainedAuditRow(db);
  if (newest && newest.hash !== rowHash(secrets.auditChainHash, { ...newest, seq: Number(newest.seq) }, newest.prevHash ?? '')) return false;
  return true;
}

/**
 * Compares the master key with the key check value stored in the database (`system_settings.keyCheck`), at every
 * start: a mismatch throws `KeyMismatchError`. The first start stores it (audited), after making sure the key opens
 * whatever the database already holds. `keyFile` names where the key is expected, for the message.
 */
export async function checkMasterKey(db: Db, secrets: Secrets, keyFile: string): Promise<'matched' | 'stored'> {
  const stored = await readSetting(db, keyCheckSetting);
  if (stored !== null) {
    if (stored !== secrets.keyCheck) throw new KeyMismatchError(keyFile);
    return 'matched';
  }
  if (!(await opensExistingData(db, secrets))) throw new KeyMismatchError(keyFile);
  useAuditChain(secrets);
  const storedNow = await db.transaction(async (tx) => {
    if (!(await insertSetting(tx, keyCheckSetting, secrets.keyCheck))) return false;
    await recordAudit(tx, systemActor, { action: 'system.keyCheck', targetType: 'setting', targetId: keyCheckSetting });
    return true;
  });
  // another server stored it first: compare with theirs
  if (!storedNow && (await readSetting(db, keyCheckSetting)) !== secrets.keyCheck) throw new KeyMismatchError(keyFile);
  return storedNow ? 'stored' : 'matched';
}
