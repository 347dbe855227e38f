import { useState } from "react";
import { api } from "../api.js";
import { Status } from "../components/status.js";
import { useApi } from "../use-api.js";
import {
  FLAG_LABEL,
  kindLabel,
  percent,
  type QueueItem,
  type ReportKind,
  seconds,
  signed,
} from "./author-types.js";

type SortKey = "attention" | "questionId" | "n" | "facility" | "discrimination" | "medianSeconds";
const COLUMNS: [SortKey, string][] = [
  ["questionId", "Question"],
  ["n", "Answers"],
  ["facility", "Right"],
  ["discrimination", "Discrimination"],
  ["medianSeconds", "Median time"],
  ["attention", "Attention"],
];

function compare(a: QueueItem, b: QueueItem, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  // Missing figures sort last whichever way the column is sorted.
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return typeof x === "string" ? x.localeCompare(y as string) : (x as number) - (y as number);
}

function reportsOf(item: QueueItem): string {
  return Object.entries(item.openReports)
    .map(([k, n]) => `${n} ${kindLabel(k as ReportKind).toLowerCase()}`)
    .join(", ");
}

/** Every answered or reported item with its figures and flags; sortable; a card per item on a phone. */
export function ItemsTable({ exam, version }: { exam: string; version: number }) {
  const [all, setAll] = useState(false);
  const items = useApi(`items:${exam}:${version}:${all}`, () => api.authorItems(exam || undefined, all));
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "attention", desc: true });
  return (
    <>
      <label className="check-row">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show questions
        nobody has answered yet
      </label>
      <Status value={items} what="item statistics">
        {(r) => {
          const shown = [...r.items].sort((a, b) => {
            const c = compare(a, b, sort.key);
            return (sort.desc ? -c : c) || a.questionId.localeCompare(b.questionId);
          });
          return (
            <>
              <p className="muted">
                {r.answered} of {r.questions} questions have scored answers. Flags need at least {r.minN}{" "}
                answers; each learner's first answer counts.
              </p>
              {shown.length === 0 ? (
                <p>No question has scored answers or open reports yet.</p>
              ) : (
                <table className="items-table">
                  <caption className="visually-hidden">Item statistics, sortable by each column</caption>
                  <thead>
                    <tr>
                      {COLUMNS.map(([key, label]) => (
                        <th
                          key={key}
                          scope="col"
                          aria-sort={sort.key === key ? (sort.desc ? "descending" : "ascending") : undefined}
                        >
                          <button
                            type="button"
                            className="sort-button"
                            onClick={() =>
                              setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== "questionId" }))
                            }
                          >
                            {label}
                            <span aria-hidden="true">
                              {sort.key === key ? (sort.desc ? " ▼" : " ▲") : ""}
                            </span>
                          </button>
                        </th>
                      ))}
                      <th scope="col">Flags and reports</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((i) => (
                      <tr key={i.questionId} className={i.attention > 0 ? "needs-attention" : ""}>
                        <th scope="row" data-label="Question">
                          <span className="code">{i.questionId}</span>
                          <small className="stem-excerpt">{i.stem}</small>
                        </th>
                        <td data-label="Answers">{i.n}</td>
                        <td data-label="Right">{percent(i.facility)}</td>
                        <td data-label="Discrimination">{signed(i.discrimination)}</td>
                        <td data-label="Median time">{seconds(i.medianSeconds)}</td>
                        <td data-label="Attention">{i.attention}</td>
                        <td data-label="Flags and reports">
                          {i.flags.map((f) => (
                            <span key={f} className={`flag flag-${f}`}>
                              {FLAG_LABEL[f]}
                            </span>
                          ))}
                          {i.lowN && i.n > 0 && <span className="muted">Too few answers for flags. </span>}
                          {reportsOf(i) && <span className="flag flag-report">Open: {reportsOf(i)}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </Status>
    </>
  );
}
