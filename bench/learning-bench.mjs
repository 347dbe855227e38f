// Learning-loop benchmarks: readiness calibration on simulated learners (Brier score next to the
// "≥ 70% so far" rule, expected calibration error, reliability table, 80% interval coverage), and the
// time to recompute readiness from 2,000 answers.
const lib = await import("../dist/index.js");

export async function run() {
  const ctx = await lib.createContext();
  const now = new Date("2026-11-30T12:00:00Z");
  const calibration = {};
  for (const code of ["CLF-C02", "SAA-C03", "SAP-C02"]) {
    const bp = lib.blueprintFor(lib.getCertification(ctx.catalog, code).certification, "2026-11-30");
    const blueprint = {
      exam: bp.exam,
      questionCount: bp.questionCount,
      passingScore: bp.passingScore,
      domains: bp.domains,
    };
    const r = lib.simulateCalibration({ learners: 3000, seed: `bench-${code}`, blueprint, now });
    calibration[code] = {
      learners: r.withProbability,
      brierModel: round(r.brier.model),
      brierRule70: round(r.brier.rule),
      brierImprovement: round(r.brier.improvement),
      ece: round(r.ece),
      interval80Coverage: round(r.intervalCoverage),
      meanIntervalWidth: {
        under60Answers: Math.round(r.fewAnswers.meanIntervalWidth),
        atLeast60: Math.round(r.fewAnswers.manyAnswersMeanIntervalWidth),
      },
      reliability: r.reliability.bins.map((b) => ({
        predicted: round(b.meanForecast),
        observed: round(b.observedRate),
        n: b.count,
      })),
      budget: "Brier ≥ 25% below the rule (aim ≥ 35%), ECE ≤ 0.05, 80% interval covers 75–85%",
      withinBudget:
        r.brier.improvement >= 0.25 &&
        r.ece <= 0.05 &&
        r.intervalCoverage >= 0.75 &&
        r.intervalCoverage <= 0.85,
    };
  }
  const bp = lib.blueprintFor(lib.getCertification(ctx.catalog, "SAA-C03").certification, "2026-11-30");
  const answers = Array.from({ length: 2000 }, (_, i) => ({
    questionId: `q${i}`,
    domain: bp.domains[i % bp.domains.length].id,
    correct: i % 3 !== 0,
    mode: i % 4 === 0 ? "drill" : "practice",
    answeredAt: new Date(now.getTime() - (i % 60) * 86_400_000).toISOString(),
  }));
  const times = [];
  for (let i = 0; i < 50; i++) {
    const t = process.hrtime.bigint();
    lib.estimateReadiness(bp, answers, now);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    readinessCalibration: calibration,
    readinessFrom2000Answers: { p50Ms: round(times[25]), budget: "≤ 5 ms", withinBudget: times[25] <= 5 },
  };
}

function round(x) {
  return Math.round(x * 1000) / 1000;
}
