import { stripVTControlCharacters } from "node:util";

// C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides that reorder text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Text from content files made safe for a terminal: escape sequences (colours, cursor moves, window
 * titles, OSC 52 clipboard writes, hyperlinks) and other control characters removed, tabs and newlines
 * kept. certpath's own colours are added after this, so they survive.
 */
export function terminalSafe(text: string): string {
  return UNSAFE.test(text) ? stripVTControlCharacters(text).replace(CONTROLS, "") : text;
}

/** A deep copy of content with every string made terminal-safe (objects without such text are kept as they are). */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === "string") return terminalSafe(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const s = terminalSafeDeep(v);
      if (s !== v) changed = true;
      return s;
    });
    return (changed ? out : value) as T;
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const s = terminalSafeDeep(v);
      if (s !== v) changed = true;
      out[k] = s;
    }
    return (changed ? out : value) as T;
  }
  return value;
}

/**
 * When a stream is not a terminal certpath writes no escape sequences of its own, so any there came
 * from content: strip them at the stream too, in case a path forgot to (logs and pipes stay clean).
 */
export function guardPipedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.isTTY) continue;
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      write(typeof chunk === "string" ? terminalSafe(chunk) : chunk, ...rest)) as typeof stream.write;
  }
}
