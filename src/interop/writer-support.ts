import { Marked } from "marked";
import type { Question } from "../core/bank/question-types.js";
import type { ExportBank } from "./writers.js";

// What the Moodle XML, QTI and Udemy CSV writers share: the bank they are given, what they return, Markdown → HTML
// for formats that hold HTML, and the text certpath keeps outside a question's own fields (case-study scenario,
// references) written where each format can carry it.

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Raw HTML inside question Markdown is shown as text (as certpath's web app does), never passed through.
const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

/** certpath Markdown → HTML for formats that hold HTML (raw HTML in the Markdown is escaped). */
export function markdownToHtml(markdown: string): string {
  return (marked.parse(markdown) as string).trim();
}

/** The stem a format without shared scenarios gets: the case study's title and scenario, then the stem. */
export function exportStem(q: Question): string {
  if (!q.caseStudy) return q.stem.trim();
  return `**Case study: ${q.caseStudy.title}**\n\n${q.caseStudy.scenario.trim()}\n\n${q.stem.trim()}`;
}

/** The general feedback certpath writes: the question's references (re-import reads them back as references). */
export function referencesText(q: Question): string {
  return q.references.length === 0 ? "" : `References:\n\n${q.references.map((r) => `- <${r}>`).join("\n")}`;
}

/** "Domain N", the category name re-import reads the domain from. */
export const domainLabel = (q: Question) => `Domain ${q.domain}`;

/** Sentences shared by writers about what every one of these formats leaves out. */
export function commonDropped(bank: ExportBank, format: string): string[] {
  const out = [
    `${format} has no place for verifiedOn, reviewedOn or variantOf: re-import sets verifiedOn to the import date`,
  ];
  const inCase = bank.questions.filter((q) => q.caseStudy).length;
  if (inCase > 0)
    out.push(
      `${inCase} questions belong to case studies: ${format} has no shared scenarios, so each scenario is written in front of its questions' stems`,
    );
  return out;
}

/** A file-name-safe slug. */
export const fileSlug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "item";
