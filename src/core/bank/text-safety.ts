import type { Question } from "./question-types.js";

/** A text field of a question, by its path inside the question (for the file:line of a problem). */
export interface TextField {
  path: (string | number)[];
  value: string;
}

/** Every free-text field of a question: stem, options, items, prompts, explanations, references. */
export function textFields(q: Question): TextField[] {
  const out: TextField[] = [{ path: ["stem"], value: q.stem }];
  q.references.forEach((value, i) => {
    out.push({ path: ["references", i], value });
  });
  if (q.type === "multiple-choice" || q.type === "multiple-response")
    q.options.forEach((o, i) => {
      out.push({ path: ["options", i, "text"], value: o.text });
      out.push({ path: ["options", i, "explanation"], value: o.explanation });
    });
  else if (q.type === "ordering")
    q.items.forEach((o, i) => {
      out.push({ path: ["items", i, "text"], value: o.text });
      out.push({ path: ["items", i, "explanation"], value: o.explanation });
    });
  else {
    q.prompts.forEach((p, i) => {
      out.push({ path: ["prompts", i, "text"], value: p.text });
      out.push({ path: ["prompts", i, "explanation"], value: p.explanation });
    });
    q.options.forEach((o, i) => {
      out.push({ path: ["options", i, "text"], value: o.text });
    });
  }
  if (q.variantOf) out.push({ path: ["variantOf", "reason"], value: q.variantOf.reason });
  // The case study's text is checked with each of its questions (reported at the question's caseStudy line).
  if (q.caseStudy) {
    out.push({ path: ["caseStudy"], value: q.caseStudy.title });
    out.push({ path: ["caseStudy"], value: q.caseStudy.scenario });
  }
  return out;
}

// HTML: a comment, a tag with attributes (<x onerror=…>), or an HTML element's tag (<b>, </div>, <script>).
// Placeholders such as <region> or <bucket-name> are not HTML, and autolinks such as <https://…> are not tags.
const ELEMENTS =
  "a|abbr|applet|audio|b|base|blink|blockquote|body|br|button|center|code|dialog|details|div|em|embed|font|form|" +
  "frame|frameset|h[1-6]|head|hr|html|i|iframe|img|input|li|link|marquee|math|meta|noscript|object|ol|p|pre|" +
  "s|script|select|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|th|" +
  "thead|title|tr|u|ul|video";
const HTML = new RegExp(
  `<!--|<[a-z][a-z0-9-]*\\s+[a-z-]+\\s*=[^<>]*>|<\\/?(${ELEMENTS})(\\s[^<>]*)?\\/?>`,
  "i",
);
const SCRIPT_LINK = /(javascript|vbscript)\s*:\s*\S|\]\(\s*data:|\bdata:[a-z]+\/[a-z0-9.+-]+[;,]/i;
// C0 and C1 controls (not tab or line breaks), and bidirectional overrides that reorder what a reader sees.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * What is unsafe in one text: a control character / escape sequence, a script or data link (`danger`:
 * refused everywhere, build included), or raw HTML (`html`: a lint error; renderers sanitise it anyway).
 */
export function unsafeTextFindings(value: string): { kind: "danger" | "html"; message: string }[] {
  const out: { kind: "danger" | "html"; message: string }[] = [];
  const control = CONTROL.exec(value);
  if (control)
    out.push({
      kind: "danger",
      message: `contains control character U+${(control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}${control[0] === "\u001b" ? " (a terminal escape sequence)" : ""}: remove it`,
    });
  // Markdown shows code spans and blocks literally, so `Array<string>` there is text, not a tag.
  const html = HTML.exec(value.replace(/```[\s\S]*?```|`[^`\n]*`/g, ""));
  if (html)
    out.push({
      kind: "html",
      message: `contains raw HTML "${html[0].slice(0, 40)}": write Markdown instead`,
    });
  const link = SCRIPT_LINK.exec(value);
  if (link)
    out.push({
      kind: "danger",
      message: `contains a ${link[0].toLowerCase().includes("data") ? "data:" : "script"} link: link only to https pages`,
    });
  return out;
}

/** The messages of `unsafeTextFindings`. */
export function unsafeText(value: string): string[] {
  return unsafeTextFindings(value).map((f) => f.message);
}

/** Unsafe text anywhere in a question, with the path of the field it is in. */
export function unsafeFields(
  q: Question,
): { path: (string | number)[]; kind: "danger" | "html"; message: string }[] {
  return textFields(q).flatMap((f) =>
    unsafeTextFindings(f.value).map((u) => ({
      path: f.path,
      kind: u.kind,
      message: `${f.path.join(".")}: ${u.message}`,
    })),
  );
}
