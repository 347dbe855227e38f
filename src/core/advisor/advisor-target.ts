import { addDays, daysBetween } from "../dates.js";
import type { AdviceScope } from "./advisor-reasons.js";
import type { Recommendation } from "./advisor-types.js";

// What the target date changes: a warning for every path that misses it, and a path that meets it when none does.

const MAX_HOURS = 80;

/** Warnings for the shown paths that end after the target date, and a shorter path when none meets it. */
export function targetDateAdvice(
  scope: AdviceScope,
  shown: Recommendation[],
  _held: Set<string>,
): { warnings: string[]; extra?: Recommendation } {
  const { profile, today } = scope;
  const target = profile.targetDate;
  if (!target) return { warnings: [] };
  const weeksLeft = Math.max(Math.floor(daysBetween(today, target) / 7), 0);
  const warnings: string[] = [];
  shown.forEach((rec, i) => {
    if (rec.meetsTargetDate !== false) return;
    const need = weeksLeft > 0 ? Math.ceil(rec.totalHours / weeksLeft) : undefined;
    warnings.push(
      `Path ${i + 1} (“${rec.title}”) ends on ${rec.finishBy}, after the target date ${target}: at ${profile.hoursPerWeek} hours a week it takes about ${rec.totalWeeks} weeks.` +
        (need === undefined
          ? " There is not a full week left before the target date."
          : need > MAX_HOURS
            ? ` Meeting the target date would take about ${need} hours a week, more than anyone can keep up; consider a later date.`
            : ` Meeting the target date would take about ${need} hours a week.`),
    );
  });
  if (shown.length === 0 || shown.some((r) => r.meetsTargetDate !== false)) return { warnings };
  // No path meets the date: offer the shortest useful start, the first exam of a shown path alone.
  for (const rec of shown) {
    const first = rec.path[0];
    if (!first || first.finishBy > target) continue;
    const extra: Recommendation = {
      title: "What fits by the target date",
      rationale: `No full path ends by the target date ${target}; ${first.code}, the first step of “${rec.title}”, does.`,
      path: [first],
      totalHours: first.studyHours,
      totalWeeks: first.weeks,
      finishBy: first.finishBy,
      meetsTargetDate: true,
      summary: `By the target date: ${first.code} alone. About ${first.studyHours} hours over ${first.weeks} weeks at ${profile.hoursPerWeek} hours a week, done by ${first.finishBy}, before the target date ${target}.`,
    };
    warnings.push(
      `No path ends by the target date ${target}. ${first.code} alone does (done by ${first.finishBy}); the rest can follow after it.`,
    );
    return { warnings, extra };
  }
  const first = shown[0]?.path[0];
  if (first) {
    const need = weeksLeft > 0 ? Math.ceil(first.studyHours / weeksLeft) : undefined;
    warnings.push(
      need === undefined || need > MAX_HOURS
        ? `No path, not even ${first.code} alone, fits before the target date ${target}; a date after ${addDays(today, first.weeks * 7)} would fit ${first.code}.`
        : `No path, not even ${first.code} alone, ends by the target date ${target} at ${profile.hoursPerWeek} hours a week; ${first.code} alone would need about ${need} hours a week.`,
    );
  }
  return { warnings };
}
