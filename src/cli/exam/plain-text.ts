// Question text is Markdown written for the web app; a terminal shows it as plain, wrapped text.

// biome-ignore lint/suspicious/noControlCharactersInRegex: measuring around terminal escape codes is the point
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Columns a string takes on screen (escape codes take none). */
export function visibleWidth(s: string): number {
  return s.replace(ANSI, "").length;
}

/** Cuts a line to `columns` visible characters, keeping escape codes intact and closing any style. */
export function truncate(s: string, columns: number): string {
  if (visibleWidth(s) <= columns) return s;
  let out = "";
  let seen = 0;
  for (let i = 0; i < s.length; ) {
    if (s[i] === "\x1b") {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: an escape code starts with ESC
      const m = /^\x1b\[[0-9;?]*[A-Za-z]/.exec(s.slice(i));
      if (m) {
        out += m[0];
        i += m[0].length;
        continue;
      }
    }
    if (seen >= columns - 1) break;
    out += s[i];
    seen++;
    i++;
  }
  return `${out}…\x1b[0m`;
}

/** Pads to `columns` visible characters. */
export function padEnd(s: string, columns: number): string {
  return s + " ".repeat(Math.max(0, columns - visibleWidth(s)));
}

/**
 * Markdown to plain text: emphasis markers and backticks are dropped (code spans keep their content
 * untouched, so `s3://bucket/*` survives), links show their address, single line breaks join.
 */
export function plainText(markdown: string): string {
  const code: string[] = [];
  let s = markdown.replace(/\r\n?/g, "\n").replace(/`([^`\n]+)`/g, (_, c: string) => {
    code.push(c);
    return `\u0000${code.length - 1}\u0000`;
  });
  s = s
    .replace(/!?\[([^\]\n]+)\]\(([^)\s]+)\)/g, (_, text: string, url: string) =>
      text === url ? url : `${text} (${url})`,
    )
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, "$1$2")
    .replace(/~~(?=\S)([^\n]*?\S)~~/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the placeholder is a NUL on purpose
  return s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => code[Number(i)] ?? "");
}

/**
 * Wraps plain text to `columns`: paragraphs (blank lines) stay apart, lines starting with a list
 * marker stay on their own line. Words are never broken: one longer than a line (a URL) gets a line of its own.
 */
export function wrapLines(text: string, columns: number, indent = "", firstIndent = indent): string[] {
  const out: string[] = [];
  const paragraphs = text.trim().split(/\n\s*\n/);
  paragraphs.forEach((para, p) => {
    if (p > 0) out.push("");
    // Keep list items apart: a line that starts with "- ", "* " or "1. " begins a new block.
    const blocks: string[] = [];
    for (const line of para.split("\n")) {
      if (/^\s*([-*+]|\d+[.)])\s/.test(line) || blocks.length === 0) blocks.push(line.trim());
      else blocks[blocks.length - 1] += ` ${line.trim()}`;
    }
    for (const block of blocks) {
      let lead = out.length === 0 ? firstIndent : indent;
      let room = Math.max(10, columns - lead.length);
      let current = "";
      const flush = () => {
        out.push(lead + current);
        current = "";
        lead = indent;
        room = Math.max(10, columns - lead.length);
      };
      for (const word of block.split(/\s+/).filter(Boolean)) {
        if (current && current.length + 1 + word.length > room) flush();
        current = current ? `${current} ${word}` : word;
      }
      if (current) flush();
    }
  });
  return out;
}
