/** One problem in a content file, located by file and line. */
export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

/** A content file (or several) failed to load; `problems` are sorted file:line messages. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ContentError";
    this.problems = problems;
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: content text must never drive the terminal
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `file:line: message` (just `file: message` for a whole file or folder), control characters shown as `\u{…}`. */
export function formatProblem(p: ContentProblem): string {
  const message = p.message.replace(CONTROL, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
  return p.line > 0 ? `${p.file}:${p.line}: ${message}` : `${p.file}: ${message}`;
}
