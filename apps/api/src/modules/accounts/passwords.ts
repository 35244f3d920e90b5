import { hash, verify } from '@node-rs/argon2';

// argon2id at OWASP's minimum (19 MiB, t=2, p=1): ~13 ms a hash on these machines.
const OPTIONS = { algorithm: 2 /* Argon2id; the const enum cannot be imported under isolatedModules */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

// A real hash to verify against when the username does not exist, so that a wrong username
// costs the same time as a wrong password and the answer says nothing about who is a member.
let dummy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword('not-a-member-password');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
