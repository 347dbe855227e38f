// Blind review of question files: a reviewer answers without seeing the key, then compares.
//   node scripts/blind-review.mjs show FILE...            print questions without keys or explanations
//   node scripts/blind-review.mjs compare ANSWERS FILE...  compare answers ({"id": ["k3f9"]} or {"id": [["p1","x"],…]}) with the keys
// `show` labels choice options and ordering items with a short hash of question and id, in the order of that
// hash: neither the file order (an ordering question's key) nor the file's ids reach the reviewer.
//   node scripts/blind-review.mjs mark DATE ID... -- FILE... add `reviewedOn: DATE` to the named questions
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

const [cmd, ...rest] = process.argv.slice(2);
const load = (file) => parse(readFileSync(file, "utf8")).questions.map((q) => ({ ...q, file }));

/** The label a reviewer sees for an option or item: 4 hex digits of a hash, stable across runs. */
const label = (q, id) => createHash("sha256").update(`${q.id}\u0000${id}`).digest("hex").slice(0, 4);
/** Options or items as shown: labelled and in label order. */
const shown = (q, list) =>
  list.map((x) => ({ ...x, label: label(q, x.id) })).sort((a, b) => a.label.localeCompare(b.label));
/** A reviewer's labels back to the file's ids (a file id given directly is kept). */
function fromLabels(q, answer) {
  if (q.type === "matching") return answer;
  const list = q.type === "ordering" ? q.items : q.options;
  const byLabel = new Map(list.map((x) => [label(q, x.id), x.id]));
  return answer.map((a) => byLabel.get(a) ?? a);
}

function key(q) {
  if (q.type === "ordering") return q.items.map((i) => i.id);
  if (q.type === "matching") return q.prompts.map((p) => [p.id, p.match]);
  return q.options
    .filter((o) => o.correct)
    .map((o) => o.id)
    .sort();
}

if (cmd === "show") {
  for (const q of rest.flatMap(load)) {
    console.log(`\n### ${q.id} (${q.type}${q.select ? `, select ${q.select}` : ""})\n${q.stem.trim()}`);
    if (q.type === "ordering") for (const i of shown(q, q.items)) console.log(`  [${i.label}] ${i.text}`);
    else if (q.type === "matching") {
      for (const p of q.prompts) console.log(`  prompt ${p.id}: ${p.text}`);
      for (const o of q.options) console.log(`  option ${o.id}: ${o.text}`);
    } else for (const o of shown(q, q.options)) console.log(`  ${o.label}) ${o.text}`);
  }
} else if (cmd === "compare") {
  const [answersFile, ...files] = rest;
  const answers = JSON.parse(readFileSync(answersFile, "utf8"));
  let agree = 0;
  const disagree = [];
  for (const q of files.flatMap(load)) {
    const a = answers[q.id] && fromLabels(q, answers[q.id]);
    if (!a) {
      disagree.push(`${q.id}: no answer given`);
      continue;
    }
    const expected = JSON.stringify(key(q));
    const given = JSON.stringify(
      q.type === "multiple-choice" || q.type === "multiple-response" ? [...a].sort() : a,
    );
    if (expected === given) agree++;
    else disagree.push(`${q.id}: answered ${given}, key ${expected}`);
  }
  console.log(`${agree} agree, ${disagree.length} disagree`);
  for (const d of disagree) console.log(`  ${d}`);
} else if (cmd === "mark") {
  const sep = rest.indexOf("--");
  const [date, ...ids] = rest.slice(0, sep);
  const files = rest.slice(sep + 1);
  const wanted = new Set(ids);
  for (const file of files) {
    const lines = readFileSync(file, "utf8").split("\n");
    const out = [];
    let current;
    let questionIndent;
    for (const line of lines) {
      // Question ids are the least-indented "- id:" lines; option, item and prompt ids sit deeper.
      const id = /^(\s*)- id: ([a-z0-9-]+)\s*$/.exec(line) ?? /^(\s*)- \{ ?id: ([a-z0-9-]+)/.exec(line);
      if (id) {
        questionIndent ??= id[1].length;
        if (id[1].length === questionIndent) current = id[2];
      }
      if (/^\s*reviewedOn:/.test(line) && wanted.has(current)) continue;
      out.push(line);
      const v = /^(\s*)verifiedOn:/.exec(line);
      if (v && wanted.has(current)) out.push(`${v[1]}reviewedOn: ${date}`);
    }
    writeFileSync(file, out.join("\n"));
  }
  console.log(`marked ${ids.length} question(s)`);
} else {
  console.error("usage: blind-review.mjs show|compare|mark …");
  process.exit(2);
}
