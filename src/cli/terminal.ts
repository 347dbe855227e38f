/** Small text helpers for terminal output: tables, bars, wrapping. Colour only on a TTY. */
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;

export const style = {
  bold: (s: string) => (useColour ? `\x1b[1m${s}\x1b[22m` : s),
  dim: (s: string) => (useColour ? `\x1b[2m${s}\x1b[22m` : s),
  red: (s: string) => (useColour ? `\x1b[31m${s}\x1b[39m` : s),
  green: (s: string) => (useColour ? `\x1b[32m${s}\x1b[39m` : s),
  yellow: (s: string) => (useColour ? `\x1b[33m${s}\x1b[39m` : s),
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal colour codes is the point
const ANSI = /\x1b\[[0-9;]*m/g;
const width = (s: string) => s.replace(ANSI, "").length;

/** Columns padded to the widest cell; the header is underlined with dashes. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + " ".repeat((widths[i] ?? 0) - width(c))))
      .join("  ")
      .trimEnd();
  return [line(header.map(style.bold)), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** A horizontal bar of `fraction` (0..1) over `size` cells. */
export function bar(fraction: number, size = 30): string {
  const cells = Math.round(Math.max(0, Math.min(1, fraction)) * size);
  return "█".repeat(cells) + "░".repeat(size - cells);
}

/** Wraps text to `columns`, indenting continuation lines. */
export function wrap(text: string, columns = 88, indent = ""): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const w of words) {
    if (current && width(current) + 1 + width(w) > columns - indent.length) {
      lines.push(current);
      current = w;
    } else current = current ? `${current} ${w}` : w;
  }
  if (current) lines.push(current);
  return lines.map((l) => indent + l).join("\n");
}

/** Writes JSON to stdout alone. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Columns to wrap plain-text output to: the terminal's, else $COLUMNS (as shells export it), else 80. */
export function terminalWidth(): number {
  const env = Number(process.env.COLUMNS);
  return process.stdout.columns || (Number.isInteger(env) && env >= 20 ? env : 80);
}
