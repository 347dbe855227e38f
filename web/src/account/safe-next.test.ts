import { describe, expect, it } from "vitest";
import { safeNext, signInPath } from "./safe-next.js";

const origin = "http://127.0.0.1:3000";

describe("safeNext", () => {
  it("keeps a path of this site with its query and fragment", () => {
    expect(safeNext("/plans/3?x=1#week-2", origin)).toBe("/plans/3?x=1#week-2");
    expect(safeNext("/progress/SAA-C03", origin)).toBe("/progress/SAA-C03");
  });

  it("sends anything that could leave the site, or loop, to the home page", () => {
    for (const bad of [
      null,
      "",
      "plans",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "/\t/evil.example",
      "/sign-in",
      "/sign-in?next=/x",
      "/api/me",
    ])
      expect(safeNext(bad, origin), String(bad)).toBe("/");
  });

  it("builds the sign-in address that comes back to a page", () => {
    expect(signInPath("/plans/3?x=1")).toBe("/sign-in?next=%2Fplans%2F3%3Fx%3D1");
    expect(signInPath("/")).toBe("/sign-in");
  });
});
