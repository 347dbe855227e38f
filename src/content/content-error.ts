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

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}
