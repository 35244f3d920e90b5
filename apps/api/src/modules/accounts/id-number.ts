// Resident identity card numbers (GB 11643-1999): 6-digit region, 8-digit birth date,
// 3-digit sequence, 1 check character (ISO 7064 MOD 11-2). Pure, no I/O.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
// Province-level codes in use, plus 83 (residence permits for Hong Kong, Macao and Taiwan residents).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);

export type IdNumberCheck =
  | { ok: true; normalized: string; birthDate: string }
  | { ok: false; reason: 'format' | 'region' | 'birth_date' | 'checksum' | 'under_18' };

export function checkDigit(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (WEIGHTS[i] ?? 0), 0);
  return CHECK[sum % 11] as string;
}

export function validateIdNumber(input: string, now: Date, minAge = 18): IdNumberCheck {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return { ok: false, reason: 'region' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const real = birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (!real || y < 1900 || birth > now) return { ok: false, reason: 'birth_date' };
  if (checkDigit(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'checksum' };
  if (ageOn(birth, now) < minAge) return { ok: false, reason: 'under_18' };
  return { ok: true, normalized: id, birthDate: birth.toISOString().slice(0, 10) };
}

export function ageOn(birth: Date, now: Date): number {
  let age = now.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < birth.getUTCMonth() ||
    (now.getUTCMonth() === birth.getUTCMonth() && now.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** The only form in which an id number ever leaves the server: `1101**********1234`. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; Latin names keep their first letter. */
export function maskName(name: string): string {
  const chars = [...name];
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}
