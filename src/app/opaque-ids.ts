import { createHmac, randomBytes } from "node:crypto";
import type { IdHash } from "../core/exam/attempt-ids.js";

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** A fresh secret for one attempt's opaque ids (stored with the attempt, never sent to a client). */
export function newIdKey(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * The attempt's opaque ids: HMAC-SHA256 under the attempt's key of (question, kind, bank id), the first
 * 40 bits as 8 base32 letters. Any server with the stored key derives the same ids; a client learns nothing.
 */
export function hmacIds(key: string): IdHash {
  return (questionId, kind, bankId) => {
    const mac = createHmac("sha256", key).update(`${questionId}\u0000${kind}\u0000${bankId}`).digest();
    let out = "";
    let bits = 0;
    let value = 0;
    for (let i = 0; out.length < 8; i++) {
      value = (value << 8) | (mac[i] as number);
      bits += 8;
      while (bits >= 5 && out.length < 8) {
        out += BASE32[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
      value &= (1 << bits) - 1;
    }
    return out;
  };
}
