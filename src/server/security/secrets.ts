import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Personal data at rest: AES-256-GCM for values that must be read back (ID numbers, phones) and a keyed
 * hash (HMAC-SHA-256) for uniqueness and exact look-up without decrypting. Both keys derive from one
 * master secret (`TZ_SECRET`, or a random one generated into the data directory on first run).
 */
export type Secrets = {
  encrypt: (plain: string) => string;
  decrypt: (sealed: string) => string;
  lookupHash: (value: string) => string;
  /** HMAC-SHA-256 with the audit chain's own key (hex): each audit row's hash over its content and the previous hash. */
  auditChainHash: (content: string) => string;
  /** HMAC-SHA-256 with the talent card's own key, base64url, 22 characters (128 bits): signs a card code and its minute. */
  cardSignature: (content: string) => string;
  /**
   * HMAC(master secret, 'talentzone key check v1'): stored in the database at the first start and compared at every
   * start, so the app refuses to run on data sealed with another key. Reveals nothing about the key.
   */
  keyCheck: string;
};

const version = 'v1';

export function createSecrets(masterSecret: string): Secrets {
  if (masterSecret.length < 32) throw new Error('TZ_SECRET must be at least 32 characters');
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', masterSecret, 'talentzone', purpose, 32));
  const encryptionKey = derive('aes-256-gcm personal data');
  const hashKey = derive('hmac-sha256 lookup');
  const auditChainKey = derive('hmac-sha256 audit chain');
  const cardKey = derive('hmac-sha256 talent card');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [version, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [tag, iv, body, authTag] = sealed.split('.');
      if (tag !== version || !iv || !body || !authTag) throw new Error('not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(authTag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    lookupHash: (value) => createHmac('sha256', hashKey).update(value).digest('base64url'),
    auditChainHash: (content) => createHmac('sha256', auditChainKey).update(content).digest('hex'),
    cardSignature: (content) => createHmac('sha256', cardKey).update(content).digest().subarray(0, 16).toString('base64url'),
    keyCheck: createHmac('sha256', masterSecret).update('talentzone key check v1').digest('base64url'),
  };
}

/** Where the embedded set-up keeps its generated master secret. */
export const secretKeyFile = (dataDir: string) => join(dataDir, 'secret.key');

/** The secret kept in `<dataDir>/secret.key`, generated on first use (mode 600). */
export function loadMasterSecret(dataDir: string): string {
  const file = secretKeyFile(dataDir);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
