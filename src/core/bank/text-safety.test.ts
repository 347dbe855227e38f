import { describe, expect, it } from "vitest";
import { unsafeText } from "./text-safety.js";

describe("unsafe text in question fields", () => {
  it.each([
    ["Use <script>alert(1)</script> here", /raw HTML "<script>"/],
    ['See <img src="x" onerror="y">', /raw HTML/],
    ["A comment <!-- hidden -->", /raw HTML "<!--"/],
    ["Some <b>bold</b> text", /raw HTML "<b>"/],
    ["Close </div> here", /raw HTML "<\/div>"/],
    ["<x-widget onclick=alert(1)>", /raw HTML/],
    ["[docs](javascript:alert(1))", /script link/],
    ["[docs](data:text/html;base64,PHNjcmlwdD4=)", /data: link/],
    ["Colour \u001b[31mred\u001b[0m", /U\+001B \(a terminal escape sequence\)/],
    ["Reordered \u202etext", /U\+202E/],
    ["Bell \u0007 here", /U\+0007/],
  ])("rejects %j", (text, message) => {
    expect(unsafeText(text)).toContainEqual(expect.stringMatching(message));
  });

  it.each([
    "See <https://docs.aws.amazon.com/s3/> for details.",
    "Latency < 10 ms and throughput > 1 GB/s",
    "Big data: store it in Amazon S3.\nSecond line\twith a tab.",
    "Use `Array<string>` in TypeScript code.",
    "Allow the logs.<region>.amazonaws.com principal for <account-id> and <Bucket-Name>.",
  ])("accepts %j", (text) => {
    expect(unsafeText(text)).toEqual([]);
  });
});

describe("unsafe text in lintBank", () => {
  it("bank lint refuses raw HTML; the build's check (no realism) refuses only control characters and script links", async () => {
    const { content } = await import("../../test/fixtures.js");
    const { lintBank } = await import("./bank-lint.js");
    const q = (id: string, text: string) => ({
      question: {
        id,
        exam: "CLF-C02",
        examGuide: "CLF-C02",
        domain: "1",
        type: "multiple-choice" as const,
        services: ["s3"],
        stem: "A company wants to store files durably at the lowest cost. What should it use?",
        references: ["https://docs.aws.amazon.com/s3/"],
        verifiedOn: "2026-11-26",
        options: ["a", "b", "c", "d"].map((o) => ({
          id: o,
          text: o === "b" ? text : `Option ${o}`,
          correct: o === "a",
          explanation: "Explains why.",
        })),
      },
      file: "q.yaml",
      line: 5,
      lineOf: (path: readonly (string | number)[]) => 10 + Number(path[1] ?? 0),
    });
    const bank = [q("html-1", "Run aws s3 ls <b>now</b>"), q("esc-1", "Amazon EBS \u001b[2J")];
    const full = lintBank(bank, content.catalog, "2026-11-26").problems.map((p) => `${p.line}: ${p.message}`);
    expect(full).toContainEqual(
      expect.stringMatching(/^11: html-1: options\.1\.text: contains raw HTML "<b>"/),
    );
    expect(full).toContainEqual(
      expect.stringMatching(/^11: esc-1: options\.1\.text: contains control character U\+001B/),
    );
    const build = lintBank(bank, content.catalog, "2026-11-26", { realism: false }).problems.map(
      (p) => p.message,
    );
    expect(build).toEqual([expect.stringMatching(/^esc-1: options\.1\.text: contains control character/)]);
  });
});
