import type { QueueItem } from "../../app/item-service.js";
import { authorize } from "../../app/policy.js";
import { REPORT_KIND_LABEL, type ReportKind } from "../../core/bank/item-queue.js";
import type { ItemFlag } from "../../core/bank/item-statistics.js";
import { cliContext, cliExamContext } from "../cli-context.js";
import { UsageError } from "../run-action.js";
import { printJson, style, table, terminalWidth, wrap } from "../terminal.js";

export interface ItemStatsOptions {
  all?: boolean;
  as?: string;
  json?: boolean;
  exam?: string;
  db?: string;
  limit?: string;
}

const FLAG_LABEL: Record<ItemFlag, string> = {
  "too-easy": "too easy",
  "too-hard": "too hard",
  "negative-discrimination": "strong candidates miss it more",
  "weak-discrimination": "weak discrimination",
  "distractor-beats-key": "a distractor chosen more than the key",
};

const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);
const disc = (x: number | null) => (x === null ? "–" : x.toFixed(2).replace("-", "−"));
const secs = (x: number | null) =>
  x === null ? "–" : x < 90 ? `${Math.round(x)} s` : `${(x / 60).toFixed(1)} min`;

function reportsText(item: QueueItem): string {
  const parts = Object.entries(item.openReports).map(
    ([k, n]) => `${n} ${REPORT_KIND_LABEL[k as ReportKind]}`,
  );
  return parts.join(", ");
}

function flagsText(item: QueueItem): string {
  if (item.lowN && item.n > 0) return style.dim("(too few answers for flags)");
  return item.flags.map((f) => FLAG_LABEL[f]).join("; ");
}

/** The author queue as text: a table when the terminal is wide, a short block per item when narrow. */
export function itemStatsText(
  view: { exam: string | null; minN: number; questions: number; items: QueueItem[] },
  width: number,
  limit = 50,
): string {
  const shown = view.items;
  const head = [
    `${view.exam ?? "All exams"}: ${shown.length} of ${view.questions} questions answered or reported.`,
    `Flags need at least ${view.minN} answers; the ones that need attention come first.`,
  ];
  const out = [wrap(head.join(" "), width)];
  if (shown.length === 0) {
    out.push(
      "",
      wrap(
        "No scored answers yet: statistics come from submitted exams and practice answers (certpath exam).",
        width,
      ),
    );
    return out.join("\n");
  }
  const list = shown.slice(0, limit);
  if (width >= 100) {
    out.push(
      "",
      table(
        ["question", "n", "right", "discr.", "time", "reports", "flags"],
        list.map((i) => [
          i.questionId,
          String(i.n),
          pct(i.facility),
          disc(i.discrimination),
          secs(i.medianSeconds),
          reportsText(i) || "–",
          flagsText(i),
        ]),
      ),
    );
  } else
    for (const i of list) {
      out.push("", style.bold(`${i.questionId} · n ${i.n}`));
      out.push(
        wrap(
          `${pct(i.facility)} right · discrimination ${disc(i.discrimination)} · median ${secs(i.medianSeconds)}`,
          width,
          "  ",
        ),
      );
      const flags = flagsText(i);
      if (flags) out.push(wrap(`flags: ${flags}`, width, "  "));
      const reports = reportsText(i);
      if (reports) out.push(wrap(`open reports: ${reports}`, width, "  "));
    }
  if (shown.length > list.length)
    out.push("", `${shown.length - list.length} more; use --limit or --json to see every item.`);
  out.push(
    "",
    wrap(
      "right = share of first answers that were right; discr. = item–rest correlation (−1…1); time = median seconds to answer. See docs/item-statistics.md.",
      width,
    ),
  );
  return out.join("\n");
}

/** `certpath bank stats --items`: item statistics and the author queue from the database (read-only). */
export async function bankItemStatsCommand(opts: ItemStatsOptions) {
  const limit = opts.limit === undefined ? 50 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--limit takes a whole number of items, 1 or more; "${opts.limit}" is not one.`);
  const ctx = await cliContext();
  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, readOnly: true, as: opts.as });
  try {
    authorize(exam.actor, "bank.stats");
    const view = await exam.items.view(opts.exam, opts.all === true);
    if (opts.json) return printJson(view);
    console.log(itemStatsText(view, terminalWidth(), limit));
  } finally {
    await exam.close();
  }
}
