import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { contentRoot } from "../content/content-root.js";
import { loadCoreContent } from "../content/load-content.js";
import { withoutActiveHtml } from "./import-entry.js";
import { importSources } from "./import-pipeline.js";
import type { ImportFormat } from "./interop-model.js";

// The import pipeline over fixtures written the way Moodle users and study repositories write them
// (src/interop/fixtures; no real exam content): counts, types, keys, unsupported by line, refusals by line.

const { catalog } = loadCoreContent(contentRoot());
const fixture = (name: string) => ({
  file: `fixtures/${name}`,
  text: readFileSync(join(import.meta.dirname, "fixtures", name), "utf8"),
});
const run = (format: ImportFormat, names: string[], opts: { exam?: string; domain?: string } = {}) =>
  importSources(names.map(fixture), { format, today: "2026-11-30", catalog, ...opts });

type Entry = {
  id: string;
  type: string;
  draft?: boolean;
  domain?: string;
  services: string[];
  stem: string;
  select?: number;
  options?: { id: string; text: string; correct?: boolean; explanation?: string }[];
  prompts?: { id: string; text: string; match: string }[];
  references: string[];
  note?: string;
};
const entries = (yaml: string | undefined) =>
  (parseYaml(yaml ?? "") as { exam: string; questions: Entry[] }).questions;
const key = (e: Entry) => e.options?.filter((o) => o.correct).map((o) => o.id);

describe("GIFT import", () => {
  const out = run("gift", ["saa-storage.gift"]);
  const file = out.files[0];
  const qs = entries(file?.yaml);

  it("writes every supported question, in source order, with its type and key", () => {
    expect(file?.status).toBe("written");
    expect(qs.map((q) => [q.id, q.type, key(q)])).toEqual([
      ["s3-infrequent", "multiple-choice", ["b"]],
      ["lifecycle-two-answers", "multiple-response", ["a", "b"]],
      ["ebs-tf", "multiple-choice", ["b"]],
      ["match-storage", "matching", []],
      ["partial-credit", "multiple-choice", ["a"]],
    ]);
    expect(qs[1]?.select).toBe(2);
    expect(qs[2]?.options?.map((o) => o.text)).toEqual(["True", "False"]);
    expect(qs[3]?.prompts?.map((p) => p.match)).toEqual(["a", "b", "c"]);
    expect(qs[3]?.options?.map((o) => o.text)).toEqual([
      "Amazon EFS",
      "Amazon EBS",
      "Amazon S3",
      "Amazon FSx for Windows File Server",
    ]);
  });

  it("reports essay, numerical and short answer questions by line and skips them", () => {
    expect(file?.unsupported.map((u) => [u.location.line, u.sourceType])).toEqual([
      [25, "essay"],
      [34, "numerical"],
      [36, "short answer"],
    ]);
    expect(out.totals).toMatchObject({ written: 1, refused: 0, questions: 5, unsupported: 3 });
  });

  it("keeps feedback as explanations, general feedback as the note, and infers exam, domain, services, references", () => {
    const [first] = qs;
    expect(parseYaml(file?.yaml ?? "").exam).toBe("SAA-C03");
    expect(first?.domain).toBe("3");
    expect(first?.services).toEqual(["s3"]);
    expect(first?.stem).toContain("**raw video**");
    expect(first?.options?.[2]?.explanation).toBe("Retrieval takes hours, not milliseconds.");
    expect(first?.references).toEqual([
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html",
    ]);
    expect(first?.note).toContain("See https://docs.aws.amazon.com");
    expect(first?.draft).toBeUndefined();
    expect(qs[4]?.domain).toBe("2");
    expect(qs[4]?.services).toEqual(["dynamodb"]);
  });

  it("makes weights all-or-nothing and says so in the note", () => {
    expect(qs[1]?.note).toMatch(/all-or-nothing/);
    expect(qs[4]?.note).toMatch(/Partial credit .* dropped/);
  });

  it("writes what certpath's lint rejects as drafts with their problems", () => {
    const byId = new Map(file?.questions.map((q) => [q.id, q]));
    expect(byId.get("s3-infrequent")?.draft).toBe(false);
    expect(byId.get("ebs-tf")?.problems).toContain("multiple choice needs at least 4 options, has 2");
    expect(byId.get("lifecycle-two-answers")?.problems).toContain(
      "references: at least one AWS documentation reference",
    );
    expect(qs[2]?.draft).toBe(true);
    expect(out.totals.drafts).toBe(4);
  });

  it("refuses a file with a syntax error whole, naming the line, while other files are written", () => {
    const r = run("gift", ["broken-syntax.gift", "saa-storage.gift"]);
    const [broken, good] = r.files;
    expect(broken?.status).toBe("refused");
    expect(broken?.yaml).toBeUndefined();
    expect(broken?.fatal.map((f) => f.location.line)).toEqual([18]);
    expect(broken?.fatal[0]?.message).toMatch(/GIFT syntax/);
    expect(broken?.fatal[0]?.hint).toMatch(/escape/);
    expect(good?.status).toBe("written");
    expect(r.totals).toMatchObject({ written: 1, refused: 1 });
  });

  it("names the line of a { never closed, and still finds the errors after it at their own lines", () => {
    const text = [
      "::Q1::Which service is object storage? {", // 1
      "\t=Amazon S3", // 2
      "\t~Amazon EBS", // 3
      "", // 4
      "::Q2::Which service is a CDN? {=Amazon CloudFront ~Amazon Route 53}", // 5
      "", // 6
      "::Q3::Which one: a database? {=Amazon RDS ~Amazon S3}", // 7
      "", // 8
      "::Q4::Which service runs containers? {=Amazon ECS ~Amazon SNS}", // 9
    ].join("\n");
    const r = importSources([{ file: "q.gift", text }], {
      format: "gift",
      today: "2026-11-30",
      catalog,
      exam: "CLF-C02",
    });
    expect(r.files[0]?.status).toBe("refused");
    expect(r.files[0]?.fatal.map((f) => [f.location.line, f.message])).toEqual([
      [1, "GIFT syntax: this { is never closed"],
      [7, expect.stringMatching(/^GIFT syntax: expected/)],
    ]);
  });

  it("refuses a file where a question has no key, naming that question's line", () => {
    const r = run("gift", ["no-key.gift"], { exam: "CLF-C02" });
    expect(r.files[0]?.status).toBe("refused");
    expect(r.files[0]?.fatal.map((f) => [f.location.line, f.message])).toEqual([
      [9, "no option is marked correct, so there is no answer key"],
    ]);
  });

  it("refuses a file whose exam cannot be known, and says to give --exam", () => {
    const noExam = importSources([{ file: "quiz.gift", text: "::a::Which? {=x ~y ~z ~w}" }], {
      format: "gift",
      today: "2026-11-30",
      catalog,
    });
    expect(noExam.files[0]?.status).toBe("refused");
    expect(noExam.files[0]?.fatal[0]?.hint).toMatch(/--exam/);
  });

  it("keeps ids unique across the files of one import", () => {
    const r = importSources(
      [
        { file: "a.gift", text: "::Q1::Which one? {=x ~y ~z ~w}" },
        { file: "b.gift", text: "::Q1::Which one? {=x ~y ~z ~w}" },
      ],
      { format: "gift", today: "2026-11-30", catalog, exam: "CLF-C02", domain: "1" },
    );
    expect(r.files.map((f) => f.questions[0]?.id)).toEqual(["q1", "q1-2"]);
  });
});

describe("GIFT as Moodle exports it", () => {
  it("reads CRLF lines, [html] with entities, %100% weights, TRUE#wrong#right, and reports the rest by line", () => {
    const r = run("gift", ["moodle-export.gift"]);
    const f = r.files[0];
    const qs = entries(f?.yaml);
    expect(parseYaml(f?.yaml ?? "").exam).toBe("DVA-C02");
    expect(qs.map((q) => [q.id, q.type, q.domain, key(q)])).toEqual([
      ["lambda-timeout", "multiple-choice", "1", ["a"]],
      ["x-ray-true-false", "multiple-choice", "1", ["a"]],
    ]);
    expect(qs[0]?.stem).toBe(
      "A function that calls a slow API sometimes stops after 3 seconds with `Task timed out`. What should the developer change?",
    );
    expect(qs[0]?.options?.[0]).toMatchObject({
      text: "Increase the function's timeout setting.",
      explanation: "The default timeout is 3 seconds; raise it to cover the API's latency.",
    });
    expect(qs[0]?.note).toBeUndefined();
    // {TRUE#feedback for a wrong answer#feedback for a right answer}
    expect(qs[1]?.options?.map((o) => [o.text, o.explanation])).toEqual([
      ["True", "Right."],
      ["False", "X-Ray supports both."],
    ]);
    expect(f?.unsupported.map((u) => [u.location.line, u.sourceType])).toEqual([
      [17, "short answer"],
      [22, "numerical"],
      [27, "description"],
    ]);
  });
});

describe("imported text is untrusted", () => {
  it("drops scripts, frames, event handlers and javascript: links, and strips terminal escapes", () => {
    const r = run("gift", ["hostile.gift"], { exam: "CLF-C02", domain: "3" });
    const yaml = r.files[0]?.yaml ?? "";
    expect(r.files[0]?.status).toBe("written");
    for (const bad of [
      "<script",
      "alert(1)",
      "onerror",
      "javascript:",
      "<iframe",
      "evil.example",
      "\u001b",
      "\u0007",
      "\u202e",
    ])
      expect(yaml, bad).not.toContain(bad);
    const [q] = entries(yaml);
    expect(q?.stem).toContain("Which service is serverless?");
    expect(q?.options?.[0]).toMatchObject({ text: "AWS Lambda", correct: true, explanation: "Runs code." });
  });
});

describe("Aiken import", () => {
  it("reads lettered options with A. and A) and the ANSWER line", () => {
    const r = run("aiken", ["clf-basics.aiken.txt"], { exam: "CLF-C02", domain: "3" });
    const qs = entries(r.files[0]?.yaml);
    expect(qs.map((q) => [q.type, key(q), q.options?.length])).toEqual([
      ["multiple-choice", ["b"], 4],
      ["multiple-choice", ["c"], 4],
      ["multiple-choice", ["a"], 4],
    ]);
    expect(qs[0]?.services).toEqual(["ec2", "lambda", "lightsail", "outposts"]);
    // Aiken has no feedback: every question is a draft until explanations and references are written.
    expect(r.files[0]?.questions.every((q) => q.draft)).toBe(true);
    expect(r.files[0]?.questions.map((q) => q.location.line)).toEqual([1, 8, 15]);
  });

  it("refuses a file whose ANSWER names no option, with that line", () => {
    const r = run("aiken", ["clf-broken.aiken.txt"], { exam: "CLF-C02" });
    expect(r.files[0]?.status).toBe("refused");
    expect(r.files[0]?.fatal.map((f) => f.location.line)).toEqual([13]);
    expect(r.files[0]?.fatal[0]?.hint).toMatch(/ANSWER: followed by one of A, B, C, D/);
  });
});

describe("Markdown import", () => {
  it("reads checkbox lists under headings, skips prose and reports a short-answer question by line", () => {
    const r = run("markdown", ["saa-checkboxes.md"], { domain: "1" });
    const f = r.files[0];
    const qs = entries(f?.yaml);
    expect(parseYaml(f?.yaml ?? "").exam).toBe("SAA-C03");
    expect(qs.map((q) => [q.type, key(q)])).toEqual([
      ["multiple-choice", ["b"]],
      ["multiple-response", ["a", "c"]],
    ]);
    expect(qs[0]?.stem).toMatch(/^A company hosts a static website/);
    expect(qs[0]?.options?.[3]?.text).toBe("Turn on S3 Transfer Acceleration for the bucket.");
    expect(f?.questions.map((q) => q.location.line)).toEqual([9, 18]);
    expect(f?.unsupported.map((u) => [u.location.line, u.sourceType])).toEqual([[28, "short answer"]]);
  });

  it("reads lettered options with 'Correct answer: A, B' inside <details> and explanations after the answer", () => {
    const r = run("markdown", ["dva-lettered.md"], { domain: "1" });
    const qs = entries(r.files[0]?.yaml);
    expect(qs.map((q) => [q.type, key(q), q.options?.length])).toEqual([
      ["multiple-choice", ["b"], 4],
      ["multiple-response", ["a", "b"], 5],
      ["multiple-choice", ["b"], 4],
    ]);
    expect(qs[0]?.stem).toMatch(/^A developer needs to store session state/);
    expect(qs[0]?.note).toMatch(/^ElastiCache is shared/);
    expect(qs[0]?.references).toEqual([
      "https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/WhatIs.html",
    ]);
    expect(qs[2]?.stem).toBe("Which HTTP header does Amazon API Gateway use to pass an API key?");
    expect(qs[2]?.note).toMatch(/x-api-key header/);
    expect(r.files[0]?.questions.map((q) => q.location.line)).toEqual([3, 16, 30]);
  });

  it("starts a question at 'Q12.' or '**Question 3:**' as well", () => {
    const text =
      "# CLF-C02 quiz\n\nQ1. Which service is object storage?\nA. Amazon S3\nB. Amazon EBS\nAnswer: A\n\n**Question 2:** Which service is a CDN?\nA) Amazon Route 53\nB) Amazon CloudFront\nCorrect Answer: B\n";
    const r = importSources([{ file: "q.md", text }], { format: "markdown", today: "2026-11-30", catalog });
    const qs = entries(r.files[0]?.yaml);
    expect(qs.map((q) => [q.stem, key(q)])).toEqual([
      ["Which service is object storage?", ["a"]],
      ["Which service is a CDN?", ["b"]],
    ]);
  });

  it("cuts active HTML out of Markdown text without touching the rest", () => {
    expect(
      withoutActiveHtml(
        'Use <img src="a.png" onerror="alert(1)"> one = 1 <SCRIPT>x()</SCRIPT><a href="javascript:x()">y</a>',
      ),
    ).toBe('Use <img src="a.png"> one = 1 <a href="x()">y</a>');
  });

  it("keeps Markdown as written (placeholders in angle brackets, emphasis) but never a script", () => {
    const text =
      "# SAA-C03\n\n## Question 1\n\nLogs go to `s3://<bucket-name>/logs` and **must** be kept.<script>alert(1)</script> Which?\n\n- [x] S3 Object Lock\n- [ ] S3 Select\n";
    const r = importSources([{ file: "q.md", text }], { format: "markdown", today: "2026-11-30", catalog });
    const [q] = entries(r.files[0]?.yaml);
    expect(q?.stem).toContain("`s3://<bucket-name>/logs`");
    expect(q?.stem).toContain("**must**");
    expect(q?.stem).not.toContain("script");
    expect(q?.stem).not.toContain("alert");
  });

  it("refuses lettered options without an answer line, naming the question's line", () => {
    const r = importSources(
      [{ file: "q.md", text: "# SAA-C03\n\n## Question 1\n\nWhich one?\n\nA. x\nB. y\nC. z\nD. w\n" }],
      { format: "markdown", today: "2026-11-30", catalog },
    );
    expect(r.files[0]?.status).toBe("refused");
    expect(r.files[0]?.fatal.map((f) => [f.location.line, f.hint])).toEqual([
      [3, 'add a line "Correct answer: B" (letters of the right options) after the options'],
    ]);
  });
});

describe("what the newcomer's tryout found", () => {
  it("refuses a --domain the exam named in the file does not have, as it does with --exam", () => {
    const out = run("markdown", ["dva-lettered.md"], { domain: "9" });
    expect(out.files[0]?.status).toBe("refused");
    expect(out.files[0]?.fatal[0]?.message).toBe("--domain 9 is not a domain of DVA-C02");
    expect(out.files[0]?.fatal[0]?.hint).toMatch(/^use one of 1, 2, 3, 4/);
  });

  it("does not count the unsupported questions of a refused file as skipped", () => {
    const text = "::a::Which is it? {=Yes ~No}\n\n::b::Explain. {}\n\n::c::Broken { =x\n";
    const out = importSources([{ file: "x.gift", text }], {
      format: "gift",
      exam: "CLF-C02",
      domain: "1",
      today: "2026-11-30",
      catalog,
    });
    expect(out.files[0]?.status).toBe("refused");
    expect(out.totals.unsupported).toBe(0);
  });

  it("names the escaped colon when a link in GIFT feedback breaks the file", () => {
    const text =
      "::a::A company stores logs. Which service keeps them durably at the lowest cost? {\n=Amazon S3#See https://docs.aws.amazon.com/s3/\n~Amazon EBS#Block storage.\n}\n";
    const out = importSources([{ file: "x.gift", text }], {
      format: "gift",
      exam: "CLF-C02",
      domain: "1",
      today: "2026-11-30",
      catalog,
    });
    const fatal = out.files[0]?.fatal[0];
    expect(fatal?.hint).toMatch(/https\\:\/\/docs\.aws\.amazon\.com/);
    expect(fatal?.message).not.toMatch(/\.$/);
  });
});
