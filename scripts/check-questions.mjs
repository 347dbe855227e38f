// Interim checker for question files while `certpath bank lint` is being built.
// Usage: node scripts/check-questions.mjs content/questions/SAA-C03/*.yaml
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";

const domains = { "CLF-C02": 4, "AIF-C01": 5, "SAA-C03": 4, "DVA-C02": 4 };
const services = new Set(
  (readFileSync("content/services.yaml", "utf8").match(/slug: ([a-z0-9-]+)/g) ?? []).map((s) => s.slice(6)),
);
let errors = 0;
const seen = new Map();
const counts = {};
for (const file of process.argv.slice(2)) {
  const lc = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: lc });
  if (doc.errors.length) {
    for (const e of doc.errors) console.log(`${file}:${lc.linePos(e.pos[0]).line}: ${e.message}`);
    errors++;
    continue;
  }
  const data = doc.toJS();
  const items = doc.get("questions")?.items ?? [];
  data.questions.forEach((q, i) => {
    const line = lc.linePos(items[i].range[0]).line;
    const err = (m) => {
      errors++;
      console.log(`${file}:${line}: ${q.id ?? "?"}: ${m}`);
    };
    if (!q.id || !/^[a-z0-9-]+$/.test(q.id)) err("bad id");
    if (seen.has(q.id)) err(`duplicate id (also ${seen.get(q.id)})`);
    seen.set(q.id, `${file}:${line}`);
    const n = Number(q.domain);
    if (!(n >= 1 && n <= domains[data.exam])) err(`bad domain ${q.domain}`);
    for (const s of q.services ?? []) if (!services.has(s)) err(`unknown service ${s}`);
    if (!q.services?.length) err("no services");
    if (!q.references?.length) err("no references");
    for (const r of q.references ?? [])
      if (!/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//.test(r))
        err(`reference not AWS docs: ${r}`);
    if (!q.verifiedOn) err("no verifiedOn");
    if (typeof q.stem !== "string" || q.stem.length < 40) err("stem too short");
    const key = `${data.exam} d${q.domain} ${q.type}`;
    counts[key] = (counts[key] ?? 0) + 1;
    const explained = (xs) => xs.every((o) => typeof o.explanation === "string" && o.explanation.length > 15);
    if (q.type === "multiple-choice" || q.type === "multiple-response") {
      const c = (q.options ?? []).filter((o) => o.correct === true).length;
      if (!explained(q.options ?? [])) err("option without explanation");
      if (q.type === "multiple-choice" && (c !== 1 || q.options.length < 4)) err("MC needs 1 correct of >=4");
      if (q.type === "multiple-response" && (c !== q.select || q.options.length < 5 || !(q.select >= 2)))
        err("MR needs select correct of >=5");
      if (new Set(q.options.map((o) => o.id)).size !== q.options.length) err("duplicate option id");
    } else if (q.type === "ordering") {
      if (!(q.items?.length >= 3 && q.items.length <= 5) || !explained(q.items))
        err("ordering needs 3-5 explained items");
    } else if (q.type === "matching") {
      const ids = new Set((q.options ?? []).map((o) => o.id));
      if (!(q.prompts?.length >= 3 && q.prompts.length <= 7) || !explained(q.prompts))
        err("matching needs 3-7 explained prompts");
      for (const p of q.prompts ?? []) if (!ids.has(p.match)) err(`prompt ${p.id} matches unknown option`);
    } else err(`bad type ${q.type}`);
  });
}
console.log(
  Object.entries(counts)
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n"),
);
console.log(errors ? `${errors} error(s)` : "no errors");
process.exit(errors ? 1 : 0);
