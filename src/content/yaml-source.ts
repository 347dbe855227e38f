import { isNode, LineCounter, parseDocument, visit } from "yaml";
import type { ZodError, ZodType } from "zod";
import { ContentError, type ContentProblem } from "./content-error.js";

/** A parsed YAML file that can say on which line any value sits. */
export interface YamlSource {
  file: string;
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number;
  /** Values followed by a comment on the same line: in unquoted text, " #" silently cuts the text there. */
  trailingComments: { line: number; value: string; comment: string }[];
}

/** Parses YAML, turning syntax errors into ContentError with file:line. */
export function parseYaml(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ContentError(
      doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        message: e.message.split("\n")[0] ?? e.message,
      })),
    );
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    // Walk down as far as the path exists, so a missing key points at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const trailingComments: YamlSource["trailingComments"] = [];
  visit(doc, {
    Scalar(_, node) {
      if (node.comment && node.range)
        trailingComments.push({
          line: lineCounter.linePos(node.range[0]).line,
          value: String(node.value),
          comment: node.comment,
        });
    },
  });
  return { file, data: doc.toJS(), lineOf, trailingComments };
}

/** Turns zod issues into file:line problems using the YAML source map. */
export function zodProblems(source: YamlSource, error: ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    if (issue.code === "unrecognized_keys") {
      // Point at the unknown key itself, not at the object that holds it.
      const message = `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
      return {
        file: source.file,
        line: source.lineOf([...issue.path, issue.keys[0] ?? ""]),
        message: `${where}${message}`,
      };
    }
    return { file: source.file, line: source.lineOf(issue.path), message: `${where}${issue.message}` };
  });
}

/** Parses and validates one YAML file against a schema, or throws ContentError. */
export function readYaml<T>(
  file: string,
  text: string,
  schema: ZodType<T>,
): { value: T; source: YamlSource } {
  const source = parseYaml(file, text);
  const result = schema.safeParse(source.data);
  if (!result.success) throw new ContentError(zodProblems(source, result.error));
  return { value: result.data, source };
}
