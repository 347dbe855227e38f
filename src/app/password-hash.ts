import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { ValidationError } from "../core/errors.js";

/** Shortest password accepted (NIST SP 800-63B favours length over composition rules). */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

/** scrypt cost (the accounts contract): N = 2^15, r = 8, p = 1, i.e. 32 MiB and tens of milliseconds per hash. */
const DEFAULT_LN = 15;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, ln: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** ln;
  return new Promise((resolve, reject) =>
    // maxmem must exceed 128·N·r (32 MiB at the default cost), Node's default limit.
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Refuses a password too short or too long to be hashed (400 `account.weak_password`). */
export function checkPasswordStrength(password: string, field = "password"): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new ValidationError(
      "account.weak_password",
      `The password must be at least ${MIN_PASSWORD_LENGTH} characters long (a phrase of a few words is easiest to remember).`,
      { field },
    );
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new ValidationError(
      "account.weak_password",
      `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`,
      { field },
    );
}

/** Hashes a password as `$scrypt$ln=15,r=8,p=1$<salt b64>$<hash b64>` with a random 16-byte salt. */
export async function hashPassword(password: string, ln = DEFAULT_LN): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, ln, 8, 1);
  return `$scrypt$ln=${ln},r=8,p=1$${salt.toString("base64")}$${key.toString("base64")}`;
}

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** Whether the password matches the stored hash (constant-time comparison); false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = PHC.exec(stored);
  if (!m || password.length > MAX_PASSWORD_LENGTH) return false;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (ln < 10 || ln > 20 || r < 1 || p < 1) return false;
  const expected = Buffer.from(m[5] as string, "base64");
  const key = await derive(password, Buffer.from(m[4] as string, "base64"), ln, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of nothing anyone knows, verified when the email is unknown so that a wrong email takes as long
 * as a wrong password (no account enumeration by timing).
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(18).toString("base64"));
  return decoy;
}
