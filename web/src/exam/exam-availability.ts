import { api, type CertificationSummary } from "../api.js";

/** Active certifications split by whether the server has a question bank for them (GET /api/exams). */
export async function examsWithQuestions(): Promise<{
  ready: CertificationSummary[];
  later: CertificationSummary[];
  /** Questions in the bank per exam code. */
  bankSize: Record<string, number>;
}> {
  const [{ certifications }, { exams }] = await Promise.all([
    api.certifications({ status: "active" }),
    api.exams(),
  ]);
  const banked = new Set(exams.map((e) => e.code));
  return {
    ready: certifications.filter((c) => banked.has(c.code)),
    later: certifications.filter((c) => !banked.has(c.code)),
    bankSize: Object.fromEntries(exams.map((e) => [e.code, e.bankSize])),
  };
}
