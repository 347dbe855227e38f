import type { Question } from "../core/bank/question-types.js";
import type { ExportBank, ExportResult } from "./writers.js";

// certpath → GIFT (Moodle). Text is written as [markdown] with GIFT's special characters escaped, so the GIFT
// reader gives back the same stems, options, keys and explanations. What GIFT cannot hold is listed in
// `dropped` (docs/interop.md): ordering questions, per-prompt explanations of matching questions, review dates.

/** Text escaped for GIFT: backslash first, then ~ = # { } :, and line breaks as \n (a blank line ends a question). */
export function escapeGift(text: string): string {
  return text
    .trim()
    .replace(/\\/g, "\\\\")
    .replace(/[~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, "\\n");
}

/** Moodle's grade for each of n correct answers (its fractions list: 50, 33.33333, 25, 20 …). */
function share(n: number): string {
  return String(Math.round((100 / n) * 100000) / 100000);
}

function answers(q: Question): string[] {
  const fb = (e: string) => (e.trim() ? `#${escapeGift(e)}` : "");
  switch (q.type) {
    case "multiple-choice":
      return q.options.map((o) => `${o.correct ? "=" : "~"}${escapeGift(o.text)}${fb(o.explanation)}`);
    case "multiple-response": {
      const n = q.options.filter((o) => o.correct).length;
      return q.options.map(
        (o) => `~%${o.correct ? share(n) : "-100"}%${escapeGift(o.text)}${fb(o.explanation)}`,
      );
    }
    case "matching": {
      const text = new Map(q.options.map((o) => [o.id, o.text]));
      const used = new Set(q.prompts.map((p) => p.match));
      return [
        ...q.prompts.map((p) => `=${escapeGift(p.text)} -> ${escapeGift(text.get(p.match) ?? "")}`),
        ...q.options.filter((o) => !used.has(o.id)).map((o) => `= -> ${escapeGift(o.text)}`),
      ];
    }
    case "ordering":
      return [];
  }
}

function generalFeedback(q: Question): string {
  const parts: string[] = [];
  if (q.type === "matching" && q.prompts.some((p) => p.explanation.trim()))
    parts.push(q.prompts.map((p) => `${p.text}: ${p.explanation}`).join("\n"));
  if (q.references.length > 0) parts.push(`References: ${q.references.join(" ")}`);
  return parts.length ? `####${escapeGift(parts.join("\n\n"))}` : "";
}

function stem(q: Question): string {
  return q.caseStudy ? `${q.caseStudy.scenario.trim()}\n\n${q.stem.trim()}` : q.stem;
}

/** A bank as one GIFT file; ordering questions are left out and said so. */
export function writeGift(bank: ExportBank): ExportResult {
  const out: string[] = [
    `// ${bank.exam} questions exported from certpath (certpath/questions@1) as GIFT for Moodle.`,
    "// Categories carry the exam and domain, [tag:…] comments the AWS services; see docs/interop.md.",
    "",
  ];
  const dropped: string[] = [];
  const ordering = bank.questions.filter((q) => q.type === "ordering");
  if (ordering.length > 0)
    dropped.push(
      `${ordering.length} ordering question${ordering.length === 1 ? " was" : "s were"} left out: GIFT has no ordering type (${ordering.map((q) => q.id).join(", ")}).`,
    );
  const matching = bank.questions.filter((q) => q.type === "matching");
  if (matching.length > 0)
    dropped.push(
      `Matching questions (${matching.length}): GIFT has no per-prompt feedback, so each prompt's explanation is written into the general feedback (#### …) and comes back on import as the question's note.`,
    );
  const studies = bank.questions.filter((q) => q.caseStudy);
  if (studies.length > 0)
    dropped.push(
      `Case studies: GIFT has no shared scenario, so the scenario is written at the start of the stem of each of its ${studies.length} questions.`,
    );
  dropped.push(
    "verifiedOn, reviewedOn and variantOf are not written (GIFT has no field for them); references go into the general feedback.",
  );
  let category = "";
  for (const q of bank.questions) {
    if (q.type === "ordering") continue;
    const cat = `certpath/${bank.exam}/Domain ${q.domain}`;
    if (cat !== category) {
      out.push(`$CATEGORY: ${cat}`, "");
      category = cat;
    }
    const tags = q.services.map((s) => `[tag:${s}]`).join(" ");
    out.push(
      `// [id:${q.id}]${tags ? ` ${tags}` : ""}`,
      `::${escapeGift(q.id)}::[markdown]${escapeGift(stem(q))} {`,
      ...answers(q).map((a) => `\t${a}`),
      ...(generalFeedback(q) ? [`\t${generalFeedback(q)}`] : []),
      "}",
      "",
    );
  }
  return { files: [{ name: `${bank.exam}.gift`, text: `${out.join("\n").trimEnd()}\n` }], dropped };
}
