import { describe, expect, it } from "vitest";
import { unsafeText } from "./text-safety.js";

describe("unsafe text in question fields", () => {
  it.each([
    ["Use <script>alert(1)</script> here", /raw HTML "<script>"/],
    ['See <img src="x" onerror="y">', /raw HTML/],
    ["A comment <!-- hidden -->", /raw HTML "<!--"/],
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
  ])("accepts %j", (text) => {
    expect(unsafeText(text)).toEqual([]);
  });
});
