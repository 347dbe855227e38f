import type { Level } from "../catalog/catalog-types.js";
import { type LengthFigures, lengthFigures, longKeyCue } from "./length-cues.js";
import { nearDuplicates } from "./near-duplicates.js";
import type { Question } from "./question-types.js";
import { type EchoFigures, echoedWords, echoFigures } from "./stem-echo.js";
import { type StemFigures, stemFigures } from "./stem-length.js";

/** A test-wise strategy may beat chance by at most this much over an exam's bank (an error above it). */
export const STRATEGY_MARGIN = 0.1;
/** The stem-echo strategy should stay within this of chance (a warning above it, an error above STRATEGY_MARGIN). */
export const ECHO_AIM = 0.05;
/** Below this many questions of a kind, a strategy's share is reported but not judged (too few to mean anything). */
export const MIN_JUDGED = 10;

/** The realism figures of one exam's bank, as `bank lint` and `bank stats` report them. */
export interface RealismFigures {
  length: LengthFigures;
  echo: EchoFigures;
  stems: StemFigures;
  /** Pairs that ask the same (by wording or by what is asked) and are not marked `variantOf`. */
  nearDuplicates: number;
  /** Questions whose key is much longer than every distractor. */
  longKeys: number;
  /** Questions where a distinctive stem word appears only in the key. */
  echoedKeys: number;
  /** Exam-level failures, one line each (empty when the bank passes). */
  failures: string[];
}

/** A finding about one question (index into the list given), or about the whole exam (`index` undefined). */
export interface RealismFinding {
  index?: number;
  severity: "error" | "warning";
  message: string;
}

const pts = (x: number) => `${(100 * x).toFixed(1)}%`;
const ordinal = (r: number) => `${r + 1}${["st", "nd", "rd"][r] ?? "th"}`;

/** Realism figures and findings for one exam's questions (`level` sets the stem-length target). */
export function examRealism(
  questions: readonly Question[],
  level: Level,
): { figures: RealismFigures; findings: RealismFinding[] } {
  const findings: RealismFinding[] = [];
  const failures: string[] = [];
  const fail = (message: string) => {
    failures.push(message);
    findings.push({ severity: "error", message });
  };
  const length = lengthFigures(questions);
  const one = length.chooseOne;
  if (one.count >= MIN_JUDGED && one.best.share - one.chance > STRATEGY_MARGIN) {
    const which =
      one.best.rank === "shortest" ? "the shortest option" : `the ${ordinal(one.best.rank)}-longest option`;
    fail(
      `choose-one keys are ${which} in ${pts(one.best.share)} of questions (chance ${pts(one.chance)}): a candidate who always picks it beats chance by more than 10 points; vary which option is longest`,
    );
  }
  const many = length.chooseN;
  for (const side of ["longest", "shortest"] as const)
    if (many.count >= MIN_JUDGED && many[side] - many.chance > STRATEGY_MARGIN)
      fail(
        `choose-N keys are exactly the N ${side} options in ${pts(many[side])} of questions (chance ${pts(many.chance)}): make distractors as long and specific as the key`,
      );
  const echo = echoFigures(questions);
  if (echo.count >= MIN_JUDGED) {
    const over = echo.share - echo.chance;
    const line = `picking the option that shares most words with the stem scores ${pts(echo.share)} (chance ${pts(echo.chance)})`;
    if (over > STRATEGY_MARGIN)
      fail(`${line}: more than 10 points above chance; reword keys that echo the stem`);
    else if (over > ECHO_AIM)
      findings.push({ severity: "warning", message: `${line}: aim for within 5 points of chance` });
  }
  const stems = stemFigures(questions, level);
  if (questions.length >= MIN_JUDGED && stems.medianWords < stems.target)
    fail(
      `median stem is ${stems.medianWords} words, below the ${stems.target} a ${level} exam's scenarios reach: state the context and constraints`,
    );

  let longKeys = 0;
  let echoedKeys = 0;
  questions.forEach((q, index) => {
    const cue = longKeyCue(q);
    if (cue) {
      longKeys++;
      findings.push({
        index,
        severity: "warning",
        message: `the key (${cue.keyLength} characters) is much longer than every distractor (longest ${cue.longestDistractor})`,
      });
    }
    const echoed = echoedWords(q);
    if (echoed.length > 0) {
      echoedKeys++;
      findings.push({
        index,
        severity: "warning",
        message: `stem word${echoed.length > 1 ? "s" : ""} ${echoed.map((w) => `"${w}"`).join(", ")} appear${echoed.length > 1 ? "" : "s"} in the key and in no distractor`,
      });
    }
  });

  const pairs = nearDuplicates(questions);
  for (const p of pairs) {
    const a = questions[p.a] as Question;
    const what =
      p.kind === "wording"
        ? `stem is a near-duplicate of ${a.id} (similarity ${p.similarity.toFixed(2)})`
        : `asks the same as ${a.id} in different words (answer and services ${p.similarity.toFixed(2)}, scenario ${(p.scenario ?? 0).toFixed(2)})`;
    findings.push({
      index: p.b,
      severity: "error",
      message: `${what}: merge them, rewrite one to test something else, or mark it \`variantOf: {id: ${a.id}, reason: …}\``,
    });
  }
  const ids = new Set(questions.map((q) => q.id));
  questions.forEach((q, index) => {
    if (q.variantOf && !ids.has(q.variantOf.id))
      findings.push({
        index,
        severity: "error",
        message: `variantOf names ${q.variantOf.id}, which is not a question of this exam`,
      });
    if (q.variantOf?.id === q.id)
      findings.push({ index, severity: "error", message: "variantOf names the question itself" });
  });

  return {
    figures: { length, echo, stems, nearDuplicates: pairs.length, longKeys, echoedKeys, failures },
    findings,
  };
}
