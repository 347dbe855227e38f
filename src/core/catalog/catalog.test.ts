import { describe, expect, it } from "vitest";
import { content } from "../../test/fixtures.js";
import {
  certificationStatus,
  findCertification,
  getCertification,
  listCertifications,
  suggestCertifications,
} from "./catalog.js";
import { describeCertification, summarizeCertification } from "./catalog-view.js";

const { catalog } = content;
const ACTIVE = [
  "CLF-C02",
  "AIF-C01",
  "SAA-C03",
  "DVA-C02",
  "SOA-C03",
  "DEA-C01",
  "MLA-C01",
  "SAP-C02",
  "DOP-C02",
  "AIP-C01",
  "ANS-C01",
  "SCS-C03",
];
const RETIRED = ["MLS-C01", "DBS-C01", "DAS-C01", "PAS-C01"];

describe("catalog", () => {
  it("lists the 12 active and 4 retired certifications in mid-2026", () => {
    const on = "2026-11-26";
    const all = listCertifications(catalog, { on }).map((c) => summarizeCertification(catalog, c, on));
    expect(
      all
        .filter((c) => c.status === "active")
        .map((c) => c.code)
        .sort(),
    ).toEqual([...ACTIVE].sort());
    expect(
      all
        .filter((c) => c.status === "retired")
        .map((c) => c.code)
        .sort(),
    ).toEqual([...RETIRED].sort());
  });

  it("shows the 2024 specialties active on 2024-01-01 and retired a year later", () => {
    for (const code of ["DBS-C01", "DAS-C01", "PAS-C01"]) {
      const cert = getCertification(catalog, code).certification;
      expect(certificationStatus(cert, "2024-01-01")).toBe("active");
      expect(certificationStatus(cert, "2025-01-01")).toBe("retired");
    }
    const on2024 = listCertifications(catalog, { on: "2024-01-01", status: "active" }).map((c) => c.slug);
    expect(on2024).toContain("database-specialty");
    expect(on2024).not.toContain("ai-practitioner");
  });

  it("records the facts of the reference file for the current exams", () => {
    const on = "2026-11-26";
    const saa = summarizeCertification(catalog, getCertification(catalog, "SAA-C03").certification, on);
    expect(saa.exam).toEqual({
      questions: 65,
      scoredQuestions: 50,
      durationMinutes: 130,
      priceUsd: 150,
      passingScore: 720,
      questionTypes: ["multiple-choice", "multiple-response"],
    });
    expect(saa.domains.map((d) => d.weight)).toEqual([30, 26, 24, 20]);
    const sap = summarizeCertification(catalog, getCertification(catalog, "SAP-C02").certification, on);
    expect([sap.exam.questions, sap.exam.durationMinutes, sap.exam.priceUsd, sap.exam.passingScore]).toEqual([
      75, 180, 300, 750,
    ]);
    const scs = summarizeCertification(catalog, getCertification(catalog, "security").certification, on);
    expect(scs.code).toBe("SCS-C03");
    expect(scs.exam.questionTypes).toEqual(expect.arrayContaining(["ordering", "matching"]));
    const clf = summarizeCertification(catalog, getCertification(catalog, "CLF-C02").certification, on);
    expect(clf.domains.map((d) => [d.name, d.weight])).toEqual([
      ["Cloud Concepts", 24],
      ["Security and Compliance", 30],
      ["Cloud Technology and Services", 34],
      ["Billing, Pricing, and Support", 12],
    ]);
  });

  it("finds CloudOps by the old SysOps name and explains the rename", () => {
    const m = findCertification(catalog, "sysops");
    expect(m?.certification.slug).toBe("cloudops-engineer-associate");
    expect(m?.note).toMatch(/SysOps Administrator.*renamed.*CloudOps Engineer/);
    const detail = describeCertification(catalog, m!.certification, "2026-11-26");
    expect(detail.code).toBe("SOA-C03");
    expect(detail.versions.find((v) => v.code === "SOA-C02")?.status).toBe("retired");
  });

  it("finds a certification by an older exam code and says which exam is current", () => {
    const m = findCertification(catalog, "soa-c02");
    expect(m?.certification.slug).toBe("cloudops-engineer-associate");
    expect(m?.note).toContain("SOA-C03");
  });

  it("names retired certifications' successors", () => {
    const mls = summarizeCertification(
      catalog,
      getCertification(catalog, "MLS-C01").certification,
      "2026-11-26",
    );
    expect(mls.status).toBe("retired");
    expect(mls.successors).toEqual(["MLA-C01", "AIP-C01"]);
    expect(mls.lastExamDay).toBe("2026-03-31");
    expect(mls.retiredOn).toBe("2026-04-01");
  });

  it("suggests near matches for a typo and throws catalog.not_found", () => {
    expect(suggestCertifications(catalog, "SAA-C3")[0]).toMatch(/^SAA-C03/);
    expect(() => getCertification(catalog, "SAA-C3")).toThrowError(/Did you mean SAA-C03/);
    try {
      getCertification(catalog, "zzzz-unknown");
    } catch (e) {
      expect((e as { code: string }).code).toBe("catalog.not_found");
    }
  });

  it("gives every version with domains weights that sum to 100", () => {
    for (const c of catalog.certifications)
      for (const v of c.versions)
        if (v.domains.length) expect(v.domains.reduce((a, d) => a + d.weight, 0)).toBe(100);
  });
});

describe("catalog history and search (issue 7)", () => {
  it("lists nothing active on 2010-01-01 and never calls an unknown start active", () => {
    const on = "2010-01-01";
    const all = listCertifications(catalog, { on }).map((c) => summarizeCertification(catalog, c, on));
    expect(all.filter((c) => c.status === "active")).toEqual([]);
    expect(all.every((c) => c.status === "unknown")).toBe(true);
  });

  it("uses the names in force on the date", () => {
    const soa = getCertification(catalog, "SOA-C02").certification;
    const then = summarizeCertification(catalog, soa, "2024-06-01");
    expect(then.code).toBe("SOA-C02");
    expect(then.name).toBe("AWS Certified SysOps Administrator – Associate");
    expect(then.shortName).toBe("SysOps Administrator – Associate");
    expect(summarizeCertification(catalog, soa, "2026-11-26").name).toBe(
      "AWS Certified CloudOps Engineer – Associate",
    );
  });

  it("lists every match for a name fragment", () => {
    for (const [q, expected] of [
      ["solutions architect", ["SAA-C03", "SAP-C02"]],
      ["architect", ["SAA-C03", "SAP-C02"]],
      ["machine learning", ["MLA-C01", "MLS-C01"]],
    ] as const) {
      try {
        getCertification(catalog, q);
        expect.unreachable();
      } catch (e) {
        const err = e as { code: string; details: { suggestions: string[] } };
        expect(err.code).toBe("catalog.ambiguous");
        for (const code of expected) expect(err.details.suggestions.join(" ")).toContain(code);
      }
    }
  });

  it("cites AWS's own pages first, labelled, and never a dump, document-sharing or seller site", () => {
    for (const cert of catalog.certifications) {
      const s = summarizeCertification(catalog, cert, "2026-11-26");
      expect(s.sources[0]?.url).toMatch(/^https:\/\/aws\.amazon\.com\/certification\//);
      for (const src of s.sources) {
        expect(src.label).not.toMatch(/^(https?:|www\.)|\.(com|net|io)$/);
        expect(src.url).not.toMatch(
          /scribd|studylib|pass4-sure|examtopics|clearcertify|testprep|practicetests|masteryexamprep|certqna|hiraedu/,
        );
      }
      for (const note of [...cert.notes, ...cert.versions.flatMap((v) => v.notes)])
        expect(note).not.toMatch(/\b(MT|CQ-[A-Z]+|TEL-SOA|JP-[A-Z]+|EG-[A-Z0-9]+|FG-SOA|HIRA-[A-Z]+)\b/);
    }
  });
});
