// Lint of a 20,000-question exam bank (DESIGN budget: seconds, not minutes; no all-pairs comparison).
// The synthetic bank draws words from a shared vocabulary so that the near-duplicate indexes see realistic
// overlap, and plants a few same-question pairs that the lint must find.
const lib = await import("../dist/index.js");

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function run(size = 20_000) {
  const ctx = await lib.createContext();
  const blueprint = lib.blueprintFor(lib.getCertification(ctx.catalog, "SAA-C03").certification, ctx.today());
  const random = rng(42);
  const vocabulary = Array.from({ length: 6000 }, (_, i) => `term${i.toString(36)}`);
  const services = ctx.catalog.services.map((s) => s.slug);
  const words = (n) =>
    Array.from({ length: n }, () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]).join(" ");
  const located = [];
  for (let i = 0; i < size; i++) {
    const multi = i % 4 === 0;
    const q = {
      id: `bench-${i}`,
      exam: blueprint.exam,
      examGuide: blueprint.exam,
      domain: blueprint.domains[i % blueprint.domains.length].id,
      type: multi ? "multiple-response" : "multiple-choice",
      services: [services[i % services.length]],
      stem: `${words(70)} What is the MOST cost-effective solution?${multi ? " (Choose TWO.)" : ""}`,
      references: ["https://docs.aws.amazon.com/"],
      verifiedOn: "2026-11-26",
      options: Array.from({ length: multi ? 5 : 4 }, (_, k) => ({
        id: String.fromCharCode(97 + k),
        text: words(8 + Math.floor(random() * 8)),
        correct: multi ? k === i % 5 || k === (i + 2) % 5 : k === i % 4,
        explanation: "Explains why.",
      })),
    };
    if (multi) q.select = 2;
    located.push({ question: q, file: `bench/${Math.floor(i / 100)}.yaml`, line: 5 + (i % 100) * 20 });
  }
  // Plant five "same question, different words" pairs: the second copies the first's key and services.
  for (let p = 0; p < 5; p++) {
    const a = located[p * 997].question;
    const b = located[p * 997 + 500].question;
    b.services = a.services;
    b.stem = `${a.stem.split(" ").slice(0, 40).join(" ")} ${words(30)}`;
    const keys = a.options.filter((o) => o.correct).map((o) => o.text);
    b.options = b.options.map((o) => ({ ...o, text: o.correct ? (keys.shift() ?? o.text) : o.text }));
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = lib.lintBank(located, ctx.catalog, ctx.today());
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  const sameQuestion = result.problems.filter((p) => /asks the same|near-duplicate/.test(p.message)).length;
  return {
    lint: {
      bankSize: size,
      ms: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      sameQuestionPairsFound: sameQuestion,
      plantedPairs: 5,
      budget: "seconds, not minutes (no all-pairs comparison)",
      withinBudget: ms < 10_000,
      note: "wall time depends on other load on the machine; cpuMs is this process's CPU time",
    },
  };
}
