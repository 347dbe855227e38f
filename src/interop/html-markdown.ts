import TurndownService from "turndown";
import { terminalSafe } from "../cli/safe-text.js";

// Imported text is untrusted. Every reader passes HTML (or plain text) through here: HTML becomes Markdown
// (turndown), elements that run or embed things are dropped with their content, links keep only http(s)
// targets, and control characters / terminal escapes are removed. Markdown is rendered by the web app with
// raw HTML disabled, so whatever survives here still never executes.

const DROPPED = [
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "noscript",
  "template",
  "form",
  "svg",
  "math",
] as const;

/** The attribute access turndown nodes offer (without the DOM lib in this project's types). */
interface Element {
  getAttribute(name: string): string | null;
}

let service: TurndownService | undefined;
function turndown(): TurndownService {
  if (service) return service;
  const t = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-" });
  t.remove([...DROPPED] as unknown as TurndownService.Filter);
  t.addRule("safe-links", {
    filter: "a",
    replacement: (content, node) => {
      const href = (node as unknown as Element).getAttribute("href") ?? "";
      return /^https?:\/\//i.test(href) ? `[${content}](${href})` : content;
    },
  });
  t.addRule("images", {
    filter: "img",
    replacement: (_content, node) => {
      const el = node as unknown as Element;
      const src = el.getAttribute("src") ?? "";
      const alt = (el.getAttribute("alt") ?? "").replace(/[[\]]/g, "");
      return /^https?:\/\//i.test(src) || /^[\w./-]+$/.test(src)
        ? `![${alt}](${src})`
        : alt
          ? `[image: ${alt}]`
          : "";
    },
  });
  service = t;
  return t;
}

/** Does this text look like HTML (a tag or an entity) rather than plain text? */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\w-]*(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);
}

/** Untrusted text with control characters and terminal escapes removed, line endings normalised, trimmed. */
export function cleanText(text: string): string {
  return terminalSafe(text.replace(/\r\n?/g, "\n")).trim();
}

/**
 * Untrusted HTML (or plain text) → safe Markdown: scripts, styles, frames, forms dropped with their content;
 * only http(s) links kept; images kept as Markdown images when their source is a URL or a relative file name.
 */
export function htmlToMarkdown(html: string): string {
  const text = cleanText(html);
  if (!looksLikeHtml(text)) return text;
  return cleanText(turndown().turndown(text));
}
