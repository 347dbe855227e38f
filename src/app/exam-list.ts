import { getCertification } from "../core/catalog/catalog.js";
import type { Catalog } from "../core/catalog/catalog-types.js";
import { blueprintFor } from "../core/exam/blueprint.js";
import type { indexBank } from "../core/exam/form-assembly.js";

/** Exams that have a question bank, with the bank's size next to a full form's. */
export function availableExams(catalog: Catalog, bank: ReturnType<typeof indexBank>, today: string) {
  const exams = [];
  for (const [code, pool] of [...bank].sort(([a], [b]) => a.localeCompare(b))) {
    const cert = getCertification(catalog, code).certification;
    const bp = blueprintFor(cert, today);
    exams.push({
      code,
      name: cert.name,
      shortName: cert.shortName,
      level: cert.level,
      questionCount: bp.questionCount,
      durationMinutes: bp.durationMinutes,
      passingScore: bp.passingScore,
      bankSize: [...pool.values()].reduce((a, l) => a + l.length, 0),
      domains: bp.domains.map((d) => ({ ...d, bankSize: pool.get(d.id)?.length ?? 0 })),
      questionTypes: bp.questionTypes,
    });
  }
  return { exams };
}
