import { Markdown } from "../components/markdown.js";
import type { ImportPreview, PreviewFile } from "./import-api.js";

const at = (p: { line?: number | undefined; itemId?: string | undefined }) =>
  p.line !== undefined ? `line ${p.line}` : p.itemId ? `item ${p.itemId}` : "the file";

const TYPE_LABELS: Record<string, string> = {
  "multiple-choice": "Multiple choice",
  "multiple-response": "Multiple response",
  ordering: "Ordering",
  matching: "Matching",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The counts an author checks before confirming. */
export function PreviewTotals({ preview }: { preview: ImportPreview }) {
  const t = preview.totals;
  return (
    <ul className="import-totals" aria-label="What the import found">
      <li>
        <strong>{t.questions}</strong> {t.questions === 1 ? "question" : "questions"}
      </li>
      <li>
        <strong>{t.ok}</strong> ready
      </li>
      <li>
        <strong>{t.drafts}</strong> {t.drafts === 1 ? "draft" : "drafts"}
      </li>
      <li>
        <strong>{t.unsupported}</strong> skipped (unsupported)
      </li>
      <li>
        <strong>{t.refused}</strong> {t.refused === 1 ? "file refused" : "files refused"}
      </li>
      {t.conflicts > 0 && (
        <li className="import-bad">
          <strong>{t.conflicts}</strong> id {t.conflicts === 1 ? "conflict" : "conflicts"}
        </li>
      )}
    </ul>
  );
}

/** One source file: refused with its lines, or its questions (text rendered only as sanitised Markdown). */
export function PreviewFileView({ file }: { file: PreviewFile }) {
  return (
    <section className="import-file" aria-label={`File ${file.file}`}>
      <h3>
        <span className="code">{file.file}</span>{" "}
        {file.status === "refused" ? (
          <span className="badge badge-refused">refused</span>
        ) : (
          <span className="muted">{plural(file.questions.length, "question")}</span>
        )}
      </h3>
      {file.fatal.length > 0 && (
        <div className="notice notice-error">
          <p>Nothing of this file will be written:</p>
          <ul>
            {file.fatal.map((f) => (
              <li key={`${at(f)}-${f.message}`}>
                <strong>{at(f)}</strong>: {f.message}. {f.hint}
              </li>
            ))}
          </ul>
        </div>
      )}
      {file.unsupported.length > 0 && (
        <div className="notice notice-warning">
          <p>Skipped, because certpath has no such question type:</p>
          <ul>
            {file.unsupported.map((u) => (
              <li key={`${at(u)}-${u.sourceType}`}>
                <strong>{at(u)}</strong>: {u.sourceType}. {u.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {file.questions.length > 0 && (
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Type</th>
              <th scope="col">Key</th>
              <th scope="col">Status</th>
              <th scope="col">Problems</th>
            </tr>
          </thead>
          <tbody>
            {file.questions.map((q) => (
              <tr key={q.id}>
                <td data-label="Question">
                  <span className="import-id code">{q.id}</span>
                  <Markdown text={q.stem} className="import-stem" />
                </td>
                <td data-label="Type" className="import-nowrap">
                  {TYPE_LABELS[q.type] ?? q.type}
                </td>
                <td data-label="Key" className="import-key">
                  {q.key}
                </td>
                <td data-label="Status" className="import-nowrap">
                  {q.draft ? (
                    <span className="badge badge-draft">draft</span>
                  ) : (
                    <span className="badge">ok</span>
                  )}
                </td>
                <td data-label="Problems">
                  {q.problems.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <ul className="import-problems">
                      {q.problems.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
