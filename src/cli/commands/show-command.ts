import { getCertification } from "../../core/catalog/catalog.js";
import { describeCertification } from "../../core/catalog/catalog-view.js";
import { cliContext } from "../cli-context.js";
import { bar, printJson, style, wrap } from "../terminal.js";

export async function showCommand(query: string, opts: { on?: string; json?: boolean }) {
  const ctx = await cliContext();
  const on = opts.on ?? ctx.today();
  const match = getCertification(ctx.catalog, query);
  const d = describeCertification(ctx.catalog, match.certification, on);
  if (opts.json) return printJson({ ...d, ...(match.note ? { matchNote: match.note } : {}) });

  const out: string[] = [];
  if (match.note) out.push(style.yellow(`Note: ${match.note}`), "");
  out.push(style.bold(`${d.name} (${d.code})`));
  const status =
    d.status === "retired"
      ? style.yellow(`RETIRED on ${d.retiredOn} (last exam day ${d.lastExamDay})`)
      : d.status;
  out.push(`${d.level} · focus: ${d.focus} · ${status}`);
  out.push("", wrap(d.summary));
  if (d.successorDetails.length) {
    out.push("", style.bold("Successors"));
    for (const s of d.successorDetails)
      out.push(
        `  ${s.code} ${s.name}${s.official ? "" : " (certpath's suggestion, not an official successor)"}`,
      );
  }
  const e = d.exam;
  out.push("", style.bold("Exam"));
  out.push(
    `  Questions: ${e.questions ?? "?"}${e.scoredQuestions ? ` (${e.scoredQuestions} scored, ${(e.questions ?? 0) - e.scoredQuestions} unscored)` : ""}`,
  );
  out.push(
    `  Time: ${e.durationMinutes ?? "?"} minutes · Price: ${e.priceUsd ? `USD ${e.priceUsd}` : "?"} · Pass: ${e.passingScore ?? "?"} of 1000 (scaled)`,
  );
  out.push(`  Question types: ${e.questionTypes.join(", ") || "?"}`);
  if (d.domains.length) {
    out.push("", style.bold("Domains"));
    const nameWidth = Math.max(...d.domains.map((x) => x.name.length));
    for (const dom of d.domains)
      out.push(
        `  ${dom.id}. ${dom.name.padEnd(nameWidth)}  ${bar(dom.weight / 40, 20)} ${String(dom.weight).padStart(2)}%`,
      );
  }
  out.push("", style.bold("Recommended experience"), wrap(d.recommendedExperience, 88, "  "));
  out.push("", style.bold("Recertification"), wrap(d.recertification, 88, "  "));
  out.push("", style.bold("Exam versions"));
  for (const v of d.versions) {
    const span = `${v.betaFrom ? `beta ${v.betaFrom}, ` : ""}${v.availableFrom ?? "?"} – ${v.availableUntil ?? "today"}`;
    out.push(`  ${v.code}  ${v.status.padEnd(8)} ${span}`);
  }
  if (d.aliases.length) out.push("", `${style.bold("Also found as")}: ${d.aliases.join(", ")}`);
  const notes = [...d.notes, ...(d.versions.at(-1)?.notes ?? [])];
  if (notes.length) {
    out.push("", style.bold("Notes"));
    for (const n of notes)
      out.push(
        wrap(n, 88, "  - ")
          .replace(/^ {2}- /gm, "    ")
          .replace(/^ {4}/, "  - "),
      );
  }
  out.push("", style.bold("Sources") + style.dim(` (verified ${d.verifiedOn})`));
  for (const s of d.sources) out.push(`  ${s}`);
  console.log(out.join("\n"));
}
