// Secrets the embedded mode needs are generated into DATA_DIR on first start; an operator with
// several processes sets them in the environment instead so every process shares them.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Secrets = {
  /** AES-256-GCM for personal data at rest (resident id numbers, real names). */
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Keyed hash for lookups of personal data without storing it in the clear. */
  hash(plain: string): string;
  /** Signs sandbox payment callbacks and other internal messages. */
  signingKey: Buffer;
};

export function loadSecrets(dataDir: string, envKey?: string): Secrets {
  const file = join(dataDir, 'secrets.json');
  let stored: { idKey: string; signingKey: string };
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } else {
    mkdirSync(dataDir, { recursive: true });
    stored = { idKey: randomBytes(32).toString('hex'), signingKey: randomBytes(32).toString('hex') };
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return secretsFromKeys(Buffer.from(envKey ?? stored.idKey, 'hex'), Buffer.from(stored.signingKey, 'hex'));
}

export function secretsFromKeys(key: Buffer, signingKey: Buffer): Secrets {
  if (key.length !== 32) throw new Error('the id encryption key must be 32 bytes');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join(':');
    },
    decrypt(sealed) {
      const [v, iv, tag, ct] = sealed.split(':');
      if (v !== 'v1' || !iv || !tag || !ct) throw new Error('not a sealed value');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    },
    hash: (plain) => createHmac('sha256', key).update(plain).digest('base64url'),
    signingKey,
  };
}
