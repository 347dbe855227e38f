import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "./html-markdown.js";

describe("htmlToMarkdown (imported text is untrusted)", () => {
  it("turns HTML into Markdown and drops scripts, script links and control characters", () => {
    const md = htmlToMarkdown(
      '<p>Use <b>S3</b> &amp; <a href="javascript:alert(1)">this</a><script>alert(1)</script> \u001b[31mnow</p><ul><li>one</li></ul>',
    );
    expect(md).toBe("Use **S3** & this now\n\n-   one");
  });

  it("keeps https links and leaves plain text alone", () => {
    expect(htmlToMarkdown('<a href="https://docs.aws.amazon.com/s3/">docs</a>')).toBe(
      "[docs](https://docs.aws.amazon.com/s3/)",
    );
    expect(htmlToMarkdown("Plain 3 < 4 text")).toBe("Plain 3 < 4 text");
  });
});
