import type { QuestionView } from "../../core/exam/attempt.js";
import {
  answerOf,
  currentQuestion,
  type ExamState,
  type Feedback,
  isAnswered,
  isComplete,
  isLocked,
  type LocalAnswer,
  orderOf,
  summary,
} from "./exam-state.js";
import { plainText, truncate, visibleWidth, wrapLines } from "./plain-text.js";

export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  inverse(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
}

export function paint(colour: boolean): Paint {
  const sgr = (on: number, off: number) => (s: string) => (colour ? `\x1b[${on}m${s}\x1b[${off}m` : s);
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    inverse: sgr(7, 27),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
  };
}

/** 5400 → "1:30:00", 59 → "0:59". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

const MODE_NAMES = { exam: "Exam", practice: "Practice", drill: "Drill", review: "Review" } as const;
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** Text is easier to read at a measure well under a wide terminal's width. */
const MAX_TEXT_WIDTH = 100;

/** Draws the whole screen: `rows` lines, none wider than `columns`. */
export function renderScreen(s: ExamState, columns: number, rows: number, p: Paint): string[] {
  const width = Math.max(20, columns - 1);
  const header = renderHeader(s, width, p);
  const footer = renderFooter(s, width, p);
  const {
    lines: body,
    focus,
    feedbackAt,
  }: Body = s.screen === "confirm-submit" ? renderSummary(s, width, p) : renderQuestion(s, width, p);

  const room = Math.max(1, rows - header.length - footer.length);
  const maxScroll = Math.max(0, body.length - room);
  // After a move keep the line under the cursor in view; after an answer in practice show the verdict
  // and the first explanations; otherwise honour PgUp/PgDn.
  if (s.follow === "cursor" && focus !== undefined) {
    if (focus < s.scroll) s.scroll = focus;
    else if (focus >= s.scroll + room) s.scroll = focus - room + 1;
  } else if (s.follow === "feedback" && feedbackAt !== undefined) {
    s.scroll = Math.max(s.scroll, Math.min(feedbackAt, feedbackAt + 4 - room + 1));
  }
  if (s.follow === "feedback" || s.screen !== "question") s.follow = undefined;
  s.scroll = Math.max(0, Math.min(maxScroll, s.scroll));
  const shown = body.slice(s.scroll, s.scroll + room);
  while (shown.length < room) shown.push("");
  if (maxScroll > 0) {
    const more = [s.scroll > 0 ? "↑ more: PgUp" : "", s.scroll < maxScroll ? "↓ more: PgDn" : ""]
      .filter(Boolean)
      .join("  ");
    footer[0] = `${"─".repeat(Math.max(0, width - more.length - 2))} ${p.dim(more)} `;
  }
  return [...header, ...shown, ...footer].map((l) => truncate(l, width));
}

function renderHeader(s: ExamState, width: number, p: Paint): string[] {
  const a = s.attempt;
  const n = a.questions.length;
  const sum = summary(s);
  const left = `${p.bold(a.exam)}  ${MODE_NAMES[a.mode]}  ·  Question ${s.index + 1} of ${n}`;
  let right = "";
  if (s.secondsLeft !== null) {
    const t = `Time left ${clock(s.secondsLeft)}`;
    right = s.secondsLeft <= 300 ? p.yellow(p.bold(t)) : p.bold(t);
  } else right = p.dim("untimed");
  const line1 = joinEnds(left, right, width);
  const q = currentQuestion(s);
  const flagged = answerOf(s, q).flagged;
  const answered = n - sum.unanswered.length - sum.incomplete.length;
  const counts = `Answered ${answered} of ${n}${sum.incomplete.length ? `  ·  Incomplete ${sum.incomplete.length}` : ""}  ·  Flagged ${sum.flagged.length}`;
  const tag = flagged ? p.yellow("⚑ flagged") : "";
  const domain = a.mode === "exam" ? "" : p.dim(`Domain ${q.domain}`);
  const line2 = joinEnds(counts, [tag, domain].filter(Boolean).join("  "), width);
  return [line1, line2, "─".repeat(width)];
}

function joinEnds(left: string, right: string, width: number): string {
  const gap = width - visibleWidth(left) - visibleWidth(right);
  return gap >= 1 ? left + " ".repeat(gap) + right : `${left} ${right}`;
}

function instruction(q: QuestionView, a: LocalAnswer, held: boolean): string {
  switch (q.type) {
    case "multiple-choice":
      return "Choose one.";
    case "multiple-response":
      return `Choose ${q.select} (${a.selected.length} of ${q.select} chosen).`;
    case "ordering":
      return held
        ? "Moving the marked item: ↑/↓ moves it, Space or Enter puts it down and saves the order."
        : "Put the items in order: Space or an item's number picks it up.";
    case "matching":
      return `Match each item: ↑/↓ picks an item, 1-${Math.min(9, q.options.length)} chooses its option, Space cycles.`;
  }
}

/** Short items side by side, as many to a line as fit; continuation lines align under the first item. */
function flow(lead: string, items: string[], gap: string, width: number): string[] {
  const out: string[] = [];
  let line = lead;
  let empty = true;
  for (const item of items) {
    if (!empty && line.length + gap.length + item.length > width) {
      out.push(line);
      line = " ".repeat(lead.length);
      empty = true;
    }
    line += empty ? item : gap + item;
    empty = false;
  }
  out.push(line);
  return out;
}

interface Body {
  lines: string[];
  /** The body line of the cursor, to keep in view. */
  focus?: number | undefined;
  /** The body line where practice feedback starts. */
  feedbackAt?: number | undefined;
}

function renderQuestion(s: ExamState, width: number, p: Paint): Body {
  const q = currentQuestion(s);
  const a = answerOf(s, q);
  const text = Math.min(width, MAX_TEXT_WIDTH);
  const lines: string[] = [""];
  if (q.caseStudy) lines.push(...caseStudyLines(q.caseStudy, text, " ", p), "");
  lines.push(...wrapLines(plainText(q.stem), text, " "));
  const locked = isLocked(s, q);
  const clearHint = isAnswered(q, a) && !s.held && !locked ? " (x clears the answer.)" : "";
  const partly =
    isAnswered(q, a) && !isComplete(q, a) ? " Incomplete: it counts as wrong until finished." : "";
  const guide = locked
    ? "Answered: your first complete answer is the one that counts, so it is locked."
    : `${instruction(q, a, s.held)}${clearHint}${partly}`;
  lines.push("", ...wrapLines(guide, text, " ").map(p.dim), "");
  let focus: number | undefined;
  const row = (i: number, label: string, mark: string, body: string, extra = "") => {
    const cursor = i === s.cursor;
    const lead = `${cursor ? "❯" : " "} ${label} ${mark}${mark ? " " : ""}`;
    const indent = " ".repeat(visibleWidth(lead));
    const wrapped = wrapLines(body, text, indent);
    const first = `${lead}${(wrapped[0] ?? "").slice(indent.length)}`;
    if (cursor) focus = lines.length + wrapped.length - 1;
    lines.push(cursor ? p.bold(first) : first, ...wrapped.slice(1).map((l) => (cursor ? p.bold(l) : l)));
    if (extra) lines.push(extra);
  };

  if (q.type === "multiple-choice" || q.type === "multiple-response") {
    const multi = q.type === "multiple-response";
    q.options.forEach((o, i) => {
      const on = a.selected.includes(o.id);
      const mark = multi ? (on ? "[x]" : "[ ]") : on ? "(•)" : "( )";
      row(i, `${i + 1}.`, on ? p.green(mark) : mark, plainText(o.text));
    });
  } else if (q.type === "ordering") {
    const byId = new Map(q.options.map((o) => [o.id, o]));
    orderOf(q, a).forEach((id, i) => {
      const held = s.held && i === s.cursor;
      row(i, `${i + 1}.`, held ? p.yellow("⇅") : "", plainText(byId.get(id)?.text ?? id));
    });
    if (!isAnswered(q, a)) lines.push("", p.dim("   (not answered yet: this is the order as presented)"));
  } else {
    // The options come first so they are on screen while the learner matches the items below them.
    const names = q.options.map((o, i) => `${i + 1}. ${plainText(o.text)}`);
    if (names.every((n) => n.length <= 32)) lines.push(...flow(" Options: ", names, "  ", text));
    else {
      lines.push(" Options:");
      for (const n of names) lines.push(...wrapLines(n, text, "       ", "    "));
    }
    lines.push("");
    const chosen = new Map(a.pairs);
    (q.prompts ?? []).forEach((pr, i) => {
      const opt = q.options.findIndex((o) => o.id === chosen.get(pr.id));
      const mark = opt >= 0 ? p.green(`[${opt + 1}]`) : "[ ]";
      row(i, `${LETTERS[i] ?? "?"}.`, mark, plainText(pr.text));
    });
  }

  const fb = s.feedback.get(q.id);
  let feedbackAt: number | undefined;
  if (s.attempt.mode !== "exam" && fb && isComplete(q, a) && !s.held) {
    lines.push("");
    feedbackAt = lines.length;
    lines.push(...renderFeedback(q, fb, a, text, p));
  }
  return { lines, focus, feedbackAt };
}

/** Practice and drills: right or wrong, the key, and why each option is right or wrong. */
export function renderFeedback(
  q: QuestionView,
  fb: Feedback,
  a: LocalAnswer,
  width: number,
  p: Paint,
): string[] {
  const out: string[] = [];
  if ("withheld" in fb) return wrapLines(`Saved. ${fb.withheld.message}`, width, " ", " ").map(p.yellow);
  const number = (id: string) => q.options.findIndex((o) => o.id === id) + 1;
  let keyText = "";
  if (q.type === "matching") {
    const names = new Map(q.options.map((o, i) => [o.id, `${i + 1}`]));
    const right = new Map(fb.correctOptions.pairs ?? []);
    keyText = (q.prompts ?? [])
      .map((pr, i) => `${LETTERS[i] ?? "?"}→${names.get(right.get(pr.id) ?? "") ?? "?"}`)
      .join(", ");
  } else if (q.type !== "ordering") keyText = (fb.correctOptions.selected ?? []).map(number).join(", ");
  out.push(
    ` ${fb.correct ? p.green(p.bold("✓ Correct.")) : p.red(p.bold("✗ Incorrect."))}${keyText ? `  Correct answer: ${keyText}` : ""}`,
  );
  if (q.type === "ordering") {
    const byId = new Map(q.options.map((o) => [o.id, o.text]));
    out.push(" Correct order:");
    (fb.correctOptions.selected ?? []).forEach((id, i) => {
      out.push(...wrapLines(plainText(byId.get(id) ?? id), width, "      ", `   ${i + 1}. `));
      out.push(...wrapLines(plainText(fb.explanations[id] ?? ""), width, "      ").map(p.dim));
    });
    return out;
  }
  // ✓ marks the correct options (matching: the items the learner matched right).
  const key = new Set(fb.correctOptions.selected ?? []);
  const mine = new Map(a.pairs);
  const right = new Map(fb.correctOptions.pairs ?? []);
  const rows =
    q.type === "matching"
      ? (q.prompts ?? []).map((x, i) => {
          const ok = mine.get(x.id) === right.get(x.id);
          return { id: x.id, label: `${LETTERS[i] ?? "?"}. ${ok ? p.green("✓") : p.red("✗")}` };
        })
      : q.options.map((o, i) => ({ id: o.id, label: `${i + 1}. ${key.has(o.id) ? p.green("✓") : " "}` }));
  for (const r of rows) {
    const why = fb.explanations[r.id];
    if (!why) continue;
    const lines = wrapLines(plainText(why), width, "        ");
    out.push(`   ${r.label} ${(lines[0] ?? "").trimStart()}`, ...lines.slice(1));
  }
  return out;
}

function renderSummary(s: ExamState, width: number, p: Paint): Body {
  const sum = summary(s);
  const list = (label: string, nums: number[]) =>
    nums.length ? wrapLines(`${label}: ${nums.join(", ")}`, Math.min(width, MAX_TEXT_WIDTH), "   ", " ") : [];
  const lines = ["", p.bold(" Submit this attempt?"), ""];
  lines.push(` Answered ${sum.total - sum.unanswered.length - sum.incomplete.length} of ${sum.total}.`);
  lines.push(
    ...(sum.unanswered.length
      ? list(p.yellow(`Unanswered (${sum.unanswered.length})`), sum.unanswered)
      : [" No question is unanswered."]),
  );
  lines.push(
    ...list(p.yellow(`Incomplete (${sum.incomplete.length}), count as wrong until finished`), sum.incomplete),
  );
  lines.push(
    ...(sum.flagged.length
      ? list(`Flagged (${sum.flagged.length})`, sum.flagged)
      : [" No question is flagged."]),
  );
  if (s.secondsLeft !== null) lines.push(` Time left: ${clock(s.secondsLeft)}.`);
  lines.push("", ...wrapLines("After you submit, answers can no longer change.", width, " "), "");
  lines.push(
    ...wrapLines(
      "Submit now? y = submit, n = go back, g = go to a question",
      Math.min(width, MAX_TEXT_WIDTH),
      " ",
    ).map(p.bold),
  );
  return { lines };
}

function renderFooter(s: ExamState, width: number, p: Paint): string[] {
  const q = currentQuestion(s);
  let keys: string[];
  if (s.screen === "confirm-submit") keys = ["y submit", "n back", "g go to"];
  else if (s.screen === "goto") keys = ["Enter go", "Esc cancel"];
  else {
    const choose =
      q.type === "ordering"
        ? "Space pick/drop"
        : q.type === "matching"
          ? "1-9/Space match"
          : q.type === "multiple-response"
            ? "1-9/Space toggle"
            : "1-9/Space choose";
    keys = [choose, "↑↓ option", "←→ question", "f flag", "g go to", "s submit", "q quit"];
  }
  const help: string[] = [];
  let line = "";
  for (const k of keys) {
    if (line && visibleWidth(line) + 3 + k.length > width) {
      help.push(line);
      line = "";
    }
    line = line ? `${line}  ${k}` : ` ${k}`;
  }
  if (line) help.push(line);

  let status = "";
  if (s.screen === "goto")
    status = p.bold(` Go to question (1-${s.attempt.questions.length}): ${s.gotoInput}_`);
  else if (s.message) {
    const tone = s.message.tone === "error" ? p.red : s.message.tone === "warn" ? p.yellow : (x: string) => x;
    status = tone(` ${s.message.text}`);
  } else status = p.dim(s.pendingSaves > 0 ? " Saving…" : " All answers saved.");
  return ["─".repeat(width), ...help.map(p.dim), status];
}

/** A case study's scenario, shown above each question of its set. */
export function caseStudyLines(
  cs: { title: string; scenario: string },
  width: number,
  indent: string,
  p: Pick<Paint, "bold" | "dim">,
): string[] {
  return [
    ...wrapLines(`Case study: ${plainText(cs.title)}`, width, indent).map(p.bold),
    ...wrapLines(plainText(cs.scenario), width, `${indent}  `),
    p.dim(`${indent}${"─".repeat(Math.max(10, Math.min(40, width - indent.length)))}`),
  ];
}
