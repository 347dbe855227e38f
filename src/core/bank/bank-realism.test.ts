import { describe, expect, it } from "vitest";
import { examRealism } from "./bank-realism.js";
import { lengthFigures, longKeyCue } from "./length-cues.js";
import { nearDuplicates } from "./near-duplicates.js";
import type { MultipleChoiceQuestion, MultipleResponseQuestion, Question } from "./question-types.js";
import { echoedWords, echoFigures } from "./stem-echo.js";
import { rankHit, topNHit } from "./strategy-odds.js";

/** A 50-word stem that shares no word with any other question's: only the cue under test links questions. */
function uniqueStem(id: string): string {
  return `${Array.from({ length: 45 }, (_, k) => `${id}w${k}`).join(" ")} What is MOST cost-effective?`;
}

function mc(
  id: string,
  options: [string, boolean][],
  stem = uniqueStem(id),
  services = ["ec2"],
): MultipleChoiceQuestion {
  return {
    id,
    exam: "CLF-C02",
    examGuide: "CLF-C02",
    domain: "1",
    type: "multiple-choice",
    services,
    stem,
    references: ["https://docs.aws.amazon.com/"],
    verifiedOn: "2026-11-26",
    options: options.map(([text, correct], i) => ({
      id: String.fromCharCode(97 + i),
      text,
      correct,
      explanation: "an explanation",
    })),
  };
}

function mr(id: string, options: [string, boolean][]): MultipleResponseQuestion {
  return { ...mc(id, options), type: "multiple-response", select: options.filter(([, c]) => c).length };
}

/** Four options of lengths 10, 20, 30, 40 characters; the key sits at `keyRank` (0 = longest). */
function byLength(id: string, keyRank: number): MultipleChoiceQuestion {
  const lens = [40, 30, 20, 10];
  return mc(
    id,
    lens.map((n, r) => [`${"x".repeat(n - 2)}${r}${id.slice(-1)}`, r === keyRank]),
  );
}

describe("length cues", () => {
  it("a bank whose key is always the longest option fails; the figures are golden", () => {
    const bank = Array.from({ length: 12 }, (_, i) => byLength(`q${i}`, 0));
    const { figures, findings } = examRealism(bank, "foundational");
    expect(figures.length.chooseOne).toEqual({
      count: 12,
      rankShares: [1, 0, 0, 0],
      best: { rank: 0, share: 1 },
      chance: 0.25,
    });
    expect(findings.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^choose-one keys are the 1st-longest option in 100\.0% of questions \(chance 25\.0%\)/,
      ),
    ]);
    expect(figures.failures).toHaveLength(1);
  });

  it("a bank whose key is spread evenly over the length ranks passes", () => {
    const bank = Array.from({ length: 12 }, (_, i) => byLength(`q${i}`, i % 4));
    const { figures, findings } = examRealism(bank, "foundational");
    expect(figures.length.chooseOne.rankShares).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(figures.failures).toEqual([]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("choose-N: the key being exactly the N longest options is measured against 1 / C(options, N)", () => {
    const q = (id: string, longest: boolean) =>
      mr(id, [
        ["a long option that is right here", longest],
        ["another long option that is right", longest],
        ["short one", !longest],
        ["short two", false],
        ["short six", !longest],
      ]);
    const keyLongest = Array.from({ length: 10 }, (_, i) => q(`l${i}`, true));
    const f = lengthFigures(keyLongest).chooseN;
    expect([f.count, f.longest, f.shortest]).toEqual([10, 1, 0]);
    expect(f.chance).toBeCloseTo(0.1, 10);
    expect(examRealism(keyLongest, "foundational").figures.failures[0]).toMatch(
      /exactly the N longest options in 100\.0%/,
    );
    // Keys "short one" and "short six" tie with the distractor "short two": the N shortest is a 2-in-3 guess.
    const g = lengthFigures([q("s", false)]).chooseN;
    expect(g.shortest).toBeCloseTo(1 / 3, 10);
  });

  it("ties split the credit as a random tie-break would", () => {
    expect(rankHit([5, 5, 5, 1], 0, 0)).toBeCloseTo(1 / 3, 10);
    expect(rankHit([5, 5, 5, 1], 3, 3)).toBe(1);
    expect(topNHit([5, 5, 5, 1], [true, true, false, false], 2)).toBeCloseTo(1 / 3, 10);
    expect(topNHit([9, 5, 1, 1], [true, false, true, false], 2)).toBe(0);
  });

  it("warns per question when the key is much longer than every distractor", () => {
    const q = mc("long", [
      ["Use Amazon S3 Intelligent-Tiering with archive access tiers enabled for the bucket", true],
      ["Use Amazon EBS", false],
      ["Use Amazon EFS", false],
      ["Use AWS Backup", false],
    ]);
    expect(longKeyCue(q)).toEqual({ id: "long", keyLength: 82, longestDistractor: 14 });
    expect(longKeyCue(byLength("q1", 0))).toBeUndefined();
  });
});

describe("stem echo", () => {
  const echo = mc(
    "echo",
    [
      ["Turn on S3 Lifecycle rules that expire old objects", true],
      ["Turn on S3 Versioning for the bucket", false],
      ["Turn on S3 Object Lock in governance mode", false],
      ["Turn on S3 Replication to a second bucket", false],
    ],
    "A media company keeps logs in Amazon S3 and wants a lifecycle that expires objects after 90 days with the least effort. What should it do?",
  );

  it("names a distinctive stem word found only in the key", () => {
    expect(echoedWords(echo)).toEqual(["lifecycle", "objects"]);
  });

  it("scores the 'most words shared with the stem' strategy against chance", () => {
    expect(echoFigures([echo])).toEqual({ count: 1, share: 1, fewest: 0, chance: 0.25 });
    const plain = mc(
      "plain",
      [
        ["Amazon S3 Glacier Deep Archive", true],
        ["Amazon S3 Standard-IA class", false],
        ["Amazon EBS cold HDD volume", false],
        ["Amazon EFS Infrequent Access", false],
      ],
      "A company must keep records for ten years and read them at most once a year. Which storage is cheapest?",
    );
    expect(echoFigures([plain]).share).toBeCloseTo(0.25, 10);
  });
});

describe("same question, different words", () => {
  const layer = (id: string, stem: string) =>
    mc(
      id,
      [
        ["Package the shared library as a Lambda layer and add the layer to each function.", true],
        ["Copy the library into each deployment package with a build script.", false],
        ["Store the library in Amazon S3 and download it during each invocation.", false],
        ["Deploy the library as a separate Lambda function invoked synchronously.", false],
      ],
      stem,
      ["lambda"],
    );
  const a = layer(
    "a",
    "A developer maintains twelve Lambda functions that all import the same internal validation library. Each update to the library means redeploying every function. How can the developer share the library with the least effort?",
  );
  const b = layer(
    "b",
    "An engineering team copies a common date-parsing module into the deployment package of each of its Lambda functions, and keeping the copies in sync is error-prone. Which approach lets the functions share one copy of the module?",
  );

  it("flags two questions whose answer and services match though the wording differs", () => {
    const pairs = nearDuplicates([a, b]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: 0, b: 1, kind: "asked", similarity: 1 });
  });

  it("flags near-identical stems by wording", () => {
    const c = { ...a, id: "c", options: [...a.options].reverse() };
    expect(nearDuplicates([a, c])).toEqual([{ a: 0, b: 1, kind: "wording", similarity: 1 }]);
  });

  it("names at most three earlier look-alikes per question when a bank holds many copies of one", () => {
    const copies = Array.from({ length: 400 }, (_, i) => ({ ...a, id: `copy${i}` }));
    const pairs = nearDuplicates(copies);
    const perQuestion = new Map<number, number>();
    for (const p of pairs) perQuestion.set(p.b, (perQuestion.get(p.b) ?? 0) + 1);
    expect(Math.max(...perQuestion.values())).toBe(3);
    expect(perQuestion.size).toBe(399);
    expect(pairs.length).toBeLessThan(3 * 400);
  });

  it("leaves out a pair marked as a deliberate variant, and an unrelated question", () => {
    const variant: Question = { ...b, variantOf: { id: "a", reason: "tests layer versions, not packaging" } };
    const other = byLength("z9", 1);
    expect(nearDuplicates([a, variant, other])).toEqual([]);
    const { findings } = examRealism(
      [a, { ...b, variantOf: { id: "nope", reason: "a reason here" } }],
      "foundational",
    );
    expect(findings.map((f) => f.message)).toContainEqual(
      "variantOf names nope, which is not a question of this exam",
    );
  });

  it("finds a planted pair in a large bank through its index", () => {
    const bank: Question[] = Array.from({ length: 3000 }, (_, i) =>
      mc(
        `g${i}`,
        [
          [`Service ${i} alpha${i} option`, true],
          [`Service ${i} beta${i} option`, false],
          [`Service ${i} gamma${i} option`, false],
          [`Service ${i} delta${i} option`, false],
        ],
        uniqueStem(`g${i}`),
        [`svc-${i % 50}`],
      ),
    );
    bank.splice(1234, 0, a);
    bank.splice(2345, 0, b);
    expect(nearDuplicates(bank).map((p) => [bank[p.a]?.id, bank[p.b]?.id, p.kind])).toEqual([
      ["a", "b", "asked"],
    ]);
  });
});

describe("stem length", () => {
  it("is an error when the median stem is below the level's target", () => {
    const short = Array.from({ length: 12 }, (_, i) => ({
      ...byLength(`s${i}`, i % 4),
      stem: "Which service stores objects durably?",
    }));
    const { figures } = examRealism(short, "associate");
    expect(figures.stems).toEqual({ medianWords: 5, target: 65, constraintShare: 0 });
    expect(figures.failures).toEqual([expect.stringMatching(/^median stem is 5 words, below the 65/)]);
    expect(
      examRealism(
        Array.from({ length: 12 }, (_, i) => byLength(`t${i}`, i % 4)),
        "foundational",
      ).figures.stems,
    ).toEqual({
      medianWords: 49,
      target: 40,
      constraintShare: 1,
    });
  });
});
