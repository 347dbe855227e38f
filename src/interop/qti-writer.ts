import { strToU8, zipSync } from "fflate";
import type { Question } from "../core/bank/question-types.js";
import {
  commonDropped,
  domainLabel,
  exportStem,
  fileSlug,
  markdownToHtml,
  referencesText,
} from "./writer-support.js";
import type { ExportBank, ExportResult } from "./writers.js";
import { xmlEscape } from "./xml-tree.js";

// certpath → IMS QTI 3.0: one qti-assessment-item per question and an imsmanifest.xml (IMS Content Packaging 1.2
// with LOM keywords for the domain and services), zipped. Explanations are qti-modal-feedback keyed by the choice,
// item or prompt identifier (shown for the choices the candidate picked); references are a general feedback.

const NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
const SCHEMA = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd";

/** An XML identifier (NCName) for a certpath id: ids starting with a digit get a letter in front. */
const ident = (id: string) => (/^[A-Za-z_]/.test(id) ? id : `id-${id}`);
/** Markdown as XHTML for QTI content (marked's output with void elements closed). */
const xhtml = (markdown: string) =>
  markdownToHtml(markdown).replace(/<(br|hr|img|input|col|wbr)\b([^>]*?)\s*\/?>/g, "<$1$2/>");

function modal(identifier: string, markdown: string, outcome = "FEEDBACK"): string {
  return [
    `  <qti-modal-feedback outcome-identifier="${outcome}" identifier="${xmlEscape(identifier)}" show-hide="show">`,
    `    <qti-content-body>${xhtml(markdown)}</qti-content-body>`,
    "  </qti-modal-feedback>",
  ].join("\n");
}

const value = (v: string) => `<qti-value>${xmlEscape(v)}</qti-value>`;

function responseDeclaration(cardinality: string, baseType: string, correct: string[]): string {
  return [
    `  <qti-response-declaration identifier="RESPONSE" cardinality="${cardinality}" base-type="${baseType}">`,
    `    <qti-correct-response>${correct.map(value).join("")}</qti-correct-response>`,
    "  </qti-response-declaration>",
  ].join("\n");
}

/** Scores 1 for the exact correct response (all-or-nothing), and sets FEEDBACK to the identifiers to explain. */
function responseProcessing(feedback: string): string {
  return [
    "  <qti-response-processing>",
    "    <qti-response-condition>",
    '      <qti-response-if><qti-match><qti-variable identifier="RESPONSE"/><qti-correct identifier="RESPONSE"/></qti-match>',
    '        <qti-set-outcome-value identifier="SCORE"><qti-base-value base-type="float">1</qti-base-value></qti-set-outcome-value></qti-response-if>',
    '      <qti-response-else><qti-set-outcome-value identifier="SCORE"><qti-base-value base-type="float">0</qti-base-value></qti-set-outcome-value></qti-response-else>',
    "    </qti-response-condition>",
    `    <qti-set-outcome-value identifier="FEEDBACK">${feedback}</qti-set-outcome-value>`,
    '    <qti-set-outcome-value identifier="GENERAL_FEEDBACK"><qti-base-value base-type="identifier">general</qti-base-value></qti-set-outcome-value>',
    "  </qti-response-processing>",
  ].join("\n");
}

const allOf = (ids: string[]) =>
  `<qti-multiple>${ids.map((i) => `<qti-base-value base-type="identifier">${xmlEscape(i)}</qti-base-value>`).join("")}</qti-multiple>`;

function itemXml(q: Question): string {
  let declaration: string;
  let interaction: string;
  let feedbackIds: string;
  const explanations: [string, string][] = [];
  const choice = (tag: string, id: string, text: string, extra = "") =>
    `      <${tag} identifier="${xmlEscape(id)}"${extra}>${xhtml(text)}</${tag}>`;
  if (q.type === "multiple-choice" || q.type === "multiple-response") {
    const multi = q.type === "multiple-response";
    declaration = responseDeclaration(
      multi ? "multiple" : "single",
      "identifier",
      q.options.filter((o) => o.correct).map((o) => ident(o.id)),
    );
    interaction = [
      `    <qti-choice-interaction response-identifier="RESPONSE" shuffle="false" max-choices="${multi ? q.select : 1}"${multi ? ` min-choices="0"` : ""}>`,
      ...q.options.map((o) => choice("qti-simple-choice", ident(o.id), o.text)),
      "    </qti-choice-interaction>",
    ].join("\n");
    feedbackIds = '<qti-variable identifier="RESPONSE"/>';
    for (const o of q.options) explanations.push([ident(o.id), o.explanation]);
  } else if (q.type === "ordering") {
    declaration = responseDeclaration(
      "ordered",
      "identifier",
      q.items.map((i) => ident(i.id)),
    );
    // Written in key order with shuffle on: the delivery system presents them shuffled.
    interaction = [
      '    <qti-order-interaction response-identifier="RESPONSE" shuffle="true">',
      ...q.items.map((i) => choice("qti-simple-choice", ident(i.id), i.text)),
      "    </qti-order-interaction>",
    ].join("\n");
    feedbackIds = allOf(q.items.map((i) => ident(i.id)));
    for (const i of q.items) explanations.push([ident(i.id), i.explanation]);
  } else {
    const prompt = (id: string) => ident(`p-${id}`);
    const option = (id: string) => ident(`o-${id}`);
    declaration = responseDeclaration(
      "multiple",
      "directedPair",
      q.prompts.map((p) => `${prompt(p.id)} ${option(p.match)}`),
    );
    interaction = [
      `    <qti-match-interaction response-identifier="RESPONSE" shuffle="true" max-associations="${q.prompts.length}">`,
      "      <qti-simple-match-set>",
      ...q.prompts.map(
        (p) => `  ${choice("qti-simple-associable-choice", prompt(p.id), p.text, ' match-max="1"')}`,
      ),
      "      </qti-simple-match-set>",
      "      <qti-simple-match-set>",
      ...q.options.map(
        (o) =>
          `  ${choice("qti-simple-associable-choice", option(o.id), o.text, ` match-max="${q.prompts.length}"`)}`,
      ),
      "      </qti-simple-match-set>",
      "    </qti-match-interaction>",
    ].join("\n");
    feedbackIds = allOf(q.prompts.map((p) => prompt(p.id)));
    for (const p of q.prompts) explanations.push([prompt(p.id), p.explanation]);
  }
  const references = referencesText(q);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<qti-assessment-item xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${NS} ${SCHEMA}" identifier="${xmlEscape(ident(q.id))}" title="${xmlEscape(q.id)}" adaptive="false" time-dependent="false" xml:lang="en">`,
    declaration,
    '  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration>',
    '  <qti-outcome-declaration identifier="FEEDBACK" cardinality="multiple" base-type="identifier"/>',
    '  <qti-outcome-declaration identifier="GENERAL_FEEDBACK" cardinality="single" base-type="identifier"/>',
    "  <qti-item-body>",
    `    <div>${xhtml(exportStem(q))}</div>`,
    interaction,
    "  </qti-item-body>",
    responseProcessing(feedbackIds),
    ...explanations.filter(([, text]) => text.trim()).map(([id, text]) => modal(id, text)),
    ...(references ? [modal("general", references, "GENERAL_FEEDBACK")] : []),
    "</qti-assessment-item>",
    "",
  ].join("\n");
}

function manifestXml(bank: ExportBank, files: { q: Question; href: string }[]): string {
  const keyword = (w: string) => `<keyword><string language="en">${xmlEscape(w)}</string></keyword>`;
  const resources = files.map(({ q, href }) =>
    [
      `    <resource identifier="res-${xmlEscape(ident(q.id))}" type="imsqti_item_xmlv3p0" href="${xmlEscape(href)}">`,
      `      <metadata><lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><identifier><entry>${xmlEscape(q.id)}</entry></identifier>${[bank.exam, domainLabel(q), ...q.services].map(keyword).join("")}</general></lom></metadata>`,
      `      <file href="${xmlEscape(href)}"/>`,
      "    </resource>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="certpath-${xmlEscape(fileSlug(bank.exam))}">`,
    "  <metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata>",
    "  <organizations/>",
    "  <resources>",
    ...resources,
    "  </resources>",
    "</manifest>",
    "",
  ].join("\n");
}

/** certpath bank → a QTI 3.0 content package (zip with imsmanifest.xml and one item file per question). */
export function writeQti(bank: ExportBank): ExportResult {
  const taken = new Set<string>();
  const files = bank.questions.map((q) => {
    let name = fileSlug(q.id);
    for (let n = 2; taken.has(name); n++) name = `${fileSlug(q.id)}-${n}`;
    taken.add(name);
    return { q, href: `items/${name}.xml` };
  });
  const zip: Record<string, Uint8Array> = { "imsmanifest.xml": strToU8(manifestXml(bank, files)) };
  for (const { q, href } of files) zip[href] = strToU8(itemXml(q));
  const dropped = commonDropped(bank, "QTI");
  dropped.push(
    "scores are all-or-nothing (1 for the exact correct response); delivery systems that grade per choice may differ",
  );
  // Fixed timestamps keep the zip byte-identical from one export to the next.
  return {
    files: [
      {
        name: `${bank.exam}.qti.zip`,
        bytes: zipSync(zip, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") }),
      },
    ],
    dropped,
  };
}
