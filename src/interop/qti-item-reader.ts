import { cleanText, htmlToMarkdown } from "./html-markdown.js";
import type {
  FatalProblem,
  ImportedAsset,
  ImportedOption,
  ImportedQuestion,
  SourceLocation,
  UnsupportedQuestion,
} from "./interop-model.js";
import { child, descendants, elements, innerXml, textOf, walk, type XmlElement } from "./xml-tree.js";

// One IMS QTI assessment item → an ImportedQuestion. QTI 2.1 and 3.0 are one model in two vocabularies: 3.0's
// kebab-case qti-* elements and attributes are renamed to 2.1's camelCase ones first (qti-simple-choice →
// simpleChoice, response-identifier → responseIdentifier), so everything below reads 2.1 names.

const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** A QTI 3.0 tree renamed to the QTI 2.1 vocabulary (a 2.1 tree is returned unchanged). */
export function toQti21(el: XmlElement): XmlElement {
  walk(el, (e) => {
    if (!e.name.startsWith("qti-")) return;
    e.name = camel(e.name.slice(4));
    e.attrs = Object.fromEntries(Object.entries(e.attrs).map(([k, v]) => [camel(k), v]));
  });
  return el;
}

const SUPPORTED = ["choiceInteraction", "orderInteraction", "matchInteraction", "associateInteraction"];
const INTERACTIONS = [
  ...SUPPORTED,
  "gapMatchInteraction",
  "inlineChoiceInteraction",
  "textEntryInteraction",
  "extendedTextInteraction",
  "hottextInteraction",
  "hotspotInteraction",
  "selectPointInteraction",
  "graphicOrderInteraction",
  "graphicAssociateInteraction",
  "graphicGapMatchInteraction",
  "positionObjectInteraction",
  "sliderInteraction",
  "drawingInteraction",
  "uploadInteraction",
  "mediaInteraction",
  "customInteraction",
  "portableCustomInteraction",
  "endAttemptInteraction",
];
/** Elements of the item body that are not question text. */
const NOT_TEXT = new Set([
  "feedbackBlock",
  "feedbackInline",
  "rubricBlock",
  "templateBlock",
  "templateInline",
]);

/** Where the item sits and how to turn its image references into assets. */
export interface ItemContext {
  location: SourceLocation;
  /** The asset for an image reference of the item (relative to the item file), or undefined. */
  image: (src: string, notes: string[]) => ImportedAsset | undefined;
  category?: string | undefined;
  tags?: string[] | undefined;
}

export type ItemResult =
  | { question: ImportedQuestion }
  | { unsupported: UnsupportedQuestion }
  | { fatal: FatalProblem };

interface Declaration {
  cardinality: string;
  correct: string[];
  mapping: { key: string; value: number }[];
}

function declarations(item: XmlElement): Map<string, Declaration> {
  const out = new Map<string, Declaration>();
  for (const d of elements(item, "responseDeclaration"))
    out.set(d.attrs.identifier ?? "", {
      cardinality: d.attrs.cardinality ?? "single",
      correct: elements(child(d, "correctResponse"), "value").map((v) => cleanText(textOf(v))),
      mapping: elements(child(d, "mapping"), "mapEntry").map((m) => ({
        key: cleanText(m.attrs.mapKey ?? ""),
        value: Number.parseFloat(m.attrs.mappedValue ?? "0") || 0,
      })),
    });
  return out;
}

/** The key: correctResponse, else the positive mapping entries; a message when there is none or several. */
function keyOf(d: Declaration | undefined): string[] | string {
  if (!d) return "the interaction has no response declaration, so there is no key";
  if (d.correct.length > 0) {
    if (d.cardinality === "single" && d.correct.length > 1)
      return `the single-answer response lists ${d.correct.length} correct values (several accepted answers)`;
    return d.correct;
  }
  const positive = d.mapping.filter((m) => m.value > 0);
  if (positive.length === 0)
    return "there is no correctResponse and no positive mapping entry, so there is no key";
  if (d.cardinality === "ordered")
    return "an order cannot be derived from a mapping without a correctResponse";
  if (d.cardinality === "single") {
    const best = Math.max(...positive.map((m) => m.value));
    const top = positive.filter((m) => m.value === best);
    if (top.length > 1)
      return `${top.length} answers each score the most in the mapping (several accepted answers) and there is no correctResponse`;
    return [top[0]!.key];
  }
  return positive.map((m) => m.key);
}

/** Rich QTI content → Markdown (feedback and other non-text elements left out). */
const markdownOf = (el: XmlElement) =>
  htmlToMarkdown(innerXml(el, (c) => (NOT_TEXT.has(c.name) ? "" : undefined)));

/** Image references of the item replaced by the names of the assets they became. */
function collectImages(item: XmlElement, ctx: ItemContext, assets: ImportedAsset[], notes: string[]): void {
  walk(item, (e) => {
    if (e.name !== "img" || !e.attrs.src || /^[a-z][\w+.-]*:/i.test(e.attrs.src)) return;
    const asset = ctx.image(e.attrs.src, notes);
    if (!asset) return;
    if (!assets.some((a) => a.name === asset.name)) assets.push(asset);
    e.attrs.src = asset.name;
  });
}

/** Reads one assessmentItem (already in the 2.1 vocabulary). */
export function readQtiItem(item: XmlElement, ctx: ItemContext): ItemResult {
  const id = item.attrs.identifier ?? "";
  const label = `item ${id || "(no identifier)"}`;
  const body = child(item, "itemBody");
  const interactions = body ? descendants(body, ...INTERACTIONS) : [];
  const unsupported = (sourceType: string, message: string): ItemResult => ({
    unsupported: { location: ctx.location, sourceType, message: `${label}: ${message}` },
  });
  if (!body || interactions.length === 0)
    return unsupported("no interaction", "the item asks nothing (it has no interaction)");
  if (interactions.length > 1)
    return unsupported(
      "composite item",
      `the item has ${interactions.length} interactions; certpath questions have one`,
    );
  const interaction = interactions[0]!;
  if (!SUPPORTED.includes(interaction.name))
    return unsupported(
      interaction.name,
      `${interaction.name} cannot be converted: certpath holds choice, order and match interactions`,
    );
  const fatal = (message: string, hint: string): ItemResult => ({
    fatal: { location: ctx.location, message: `${label}: ${message}`, hint },
  });
  const key = keyOf(declarations(item).get(interaction.attrs.responseIdentifier ?? ""));
  if (typeof key === "string")
    return fatal(
      key,
      "give the item one <correctResponse> (or a mapping whose best entries form one answer)",
    );

  const assets: ImportedAsset[] = [];
  const notes: string[] = [];
  collectImages(item, ctx, assets, notes);
  // Stem: the body with the interaction replaced by its prompt.
  const prompt = child(interaction, "prompt");
  const stem = htmlToMarkdown(
    innerXml(body, (e) => {
      if (e === interaction) return prompt ? `<div>${innerXml(prompt)}</div>` : "";
      return NOT_TEXT.has(e.name) ? "" : undefined;
    }),
  );

  // Feedback by identifier: modal feedback and feedback blocks naming a choice are that choice's explanation.
  const feedback = new Map<string, string[]>();
  const general: string[] = [];
  for (const f of [...elements(item, "modalFeedback"), ...descendants(body, "feedbackBlock")]) {
    const text = markdownOf(f);
    if (!text) continue;
    const target = f.attrs.identifier ?? "";
    if (target) feedback.set(target, [...(feedback.get(target) ?? []), text]);
    else general.push(text);
  }
  const choiceIds = new Set(
    descendants(interaction, "simpleChoice", "simpleAssociableChoice").map((c) => c.attrs.identifier ?? ""),
  );
  for (const [target, texts] of feedback) if (!choiceIds.has(target)) general.push(...texts);
  const feedbackOf = (choice: XmlElement): string | undefined => {
    const inline = descendants(choice, "feedbackInline").map((f) => markdownOf(f));
    const all = [...inline, ...(feedback.get(choice.attrs.identifier ?? "") ?? [])].filter(Boolean);
    return all.length > 0 ? all.join("\n\n") : undefined;
  };
  const textOfChoice = (c: XmlElement) => markdownOf(c);

  const base = {
    location: ctx.location,
    ...(id ? { sourceId: id } : {}),
    stem,
    ...(general.length > 0 ? { generalFeedback: general.join("\n\n") } : {}),
    ...(ctx.category ? { category: ctx.category } : {}),
    ...(ctx.tags && ctx.tags.length > 0 ? { tags: ctx.tags } : {}),
  };
  const done = (q: ImportedQuestion): ItemResult => ({
    question: { ...q, ...(assets.length > 0 ? { assets } : {}), ...(notes.length > 0 ? { notes } : {}) },
  });

  if (interaction.name === "choiceInteraction") {
    const correct = new Set(key);
    const choices = elements(interaction, "simpleChoice");
    const unknown = key.find((k) => !choices.some((c) => c.attrs.identifier === k));
    if (unknown !== undefined)
      return fatal(`the key names "${unknown}", which is not a choice`, "correct the key");
    const options: ImportedOption[] = choices.map((c) => {
      const fb = feedbackOf(c);
      return {
        sourceId: c.attrs.identifier ?? "",
        text: textOfChoice(c),
        correct: correct.has(c.attrs.identifier ?? ""),
        ...(fb ? { feedback: fb } : {}),
      };
    });
    const decl = declarations(item).get(interaction.attrs.responseIdentifier ?? "");
    if (correct.size > 1 && decl && decl.mapping.some((m) => m.value > 0))
      notes.push("the item's mapping gave partial credit per choice; certpath scores it all-or-nothing");
    return done({ ...base, type: correct.size > 1 ? "multiple-response" : "multiple-choice", options });
  }

  if (interaction.name === "orderInteraction") {
    const choices = new Map(elements(interaction, "simpleChoice").map((c) => [c.attrs.identifier ?? "", c]));
    const missing = key.find((k) => !choices.has(k));
    if (missing !== undefined)
      return fatal(`the key names "${missing}", which is not a choice`, "correct the key");
    if (choices.size > key.length)
      notes.push(`${choices.size - key.length} choices outside the correct order were left out`);
    const items = key.map((k) => {
      const c = choices.get(k)!;
      const fb = feedbackOf(c);
      return { sourceId: k, text: textOfChoice(c), ...(fb ? { feedback: fb } : {}) };
    });
    return done({ ...base, type: "ordering", items });
  }

  // matchInteraction (directed pairs source → target) or associateInteraction (unordered pairs).
  const sets = elements(interaction, "simpleMatchSet").map((s) => elements(s, "simpleAssociableChoice"));
  const all =
    interaction.name === "matchInteraction" ? sets.flat() : elements(interaction, "simpleAssociableChoice");
  const byId = new Map(all.map((c) => [c.attrs.identifier ?? "", c]));
  const order = (idA: string) => all.findIndex((c) => c.attrs.identifier === idA);
  const pairs: { source: XmlElement; target: XmlElement }[] = [];
  for (const value of key) {
    const [a = "", b = ""] = value.split(/\s+/);
    const x = byId.get(a);
    const y = byId.get(b);
    if (!x || !y) return fatal(`the key pair "${value}" names a choice that is not there`, "correct the key");
    // associate pairs are unordered: the choice listed first is the prompt.
    const flip = interaction.name === "associateInteraction" && order(b) < order(a);
    pairs.push(flip ? { source: y, target: x } : { source: x, target: y });
  }
  const prompts =
    interaction.name === "matchInteraction"
      ? (sets[0] ?? [])
      : all.filter((c) => pairs.some((p) => p.source === c));
  const matched = prompts.flatMap((p) => pairs.filter((x) => x.source === p));
  const several = prompts.find((p) => pairs.filter((x) => x.source === p).length > 1);
  if (several)
    return unsupported(
      interaction.name,
      `the prompt "${cleanText(textOf(several))}" matches several options; certpath matches each prompt to one`,
    );
  const unpaired = prompts.filter((p) => !pairs.some((x) => x.source === p)).length;
  if (unpaired > 0) notes.push(`${unpaired} prompts with no match in the key were left out`);
  const targets = new Set(matched.map((m) => m.target));
  const sources = new Set(matched.map((m) => m.source));
  const rest = interaction.name === "matchInteraction" ? (sets[1] ?? []) : all.filter((c) => !sources.has(c));
  return done({
    ...base,
    type: "matching",
    pairs: matched.map(({ source, target }) => {
      const fb = feedbackOf(source);
      return {
        sourceId: source.attrs.identifier ?? "",
        prompt: textOfChoice(source),
        match: textOfChoice(target),
        ...(fb ? { feedback: fb } : {}),
      };
    }),
    ...(rest.some((t) => !targets.has(t))
      ? { extraOptions: rest.filter((t) => !targets.has(t)).map(textOfChoice) }
      : {}),
  });
}
