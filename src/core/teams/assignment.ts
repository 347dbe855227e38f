import { certificationStatus, getCertification } from "../catalog/catalog.js";
import type { Catalog } from "../catalog/catalog-types.js";
import { addDays, addYears, daysBetween, type IsoDate, isIsoDate } from "../dates.js";
import { DomainError, NotFoundError, ValidationError } from "../errors.js";
import { blueprintFor } from "../exam/blueprint.js";

/** An assignment as a lead writes it: one exam or an advisor path, a target date, optionally chosen members. */
export interface AssignmentInput {
  exam?: string | undefined;
  path?: string[] | undefined;
  targetDate: string;
  /** Emails of team members; absent means the whole team (also members who join later). */
  members?: string[] | undefined;
}

/** A checked assignment: exam codes in order (one for an exam), and the user ids (null: whole team). */
export interface ValidAssignment {
  exams: string[];
  kind: "exam" | "path";
  targetDate: IsoDate;
  userIds: string[] | null;
}

export const MAX_PATH_STEPS = 6;
const MAX_YEARS_AHEAD = 3;

const invalid = (field: string, message: string, extra: Record<string, unknown> = {}) =>
  new ValidationError("assignment.invalid_input", message, { field, ...extra });

/** Checks an assignment against the catalog, the date and the team's members; throws a 4xx DomainError naming the field. */
export function validateAssignment(
  catalog: Catalog,
  input: AssignmentInput,
  context: { today: IsoDate; members: readonly { email: string; userId: string }[] },
): ValidAssignment {
  const { today } = context;
  if (input.exam !== undefined && input.path !== undefined)
    throw invalid("path", 'Send either "exam" (one exam code) or "path" (a list of codes), not both.');
  const codes = input.path ?? (input.exam !== undefined ? [input.exam] : []);
  const field = input.path ? "path" : "exam";
  if (codes.length === 0)
    throw invalid("exam", 'Send "exam" (an exam code such as SAA-C03) or "path" (a list of codes in order).');
  if (codes.length > MAX_PATH_STEPS)
    throw invalid("path", `path: at most ${MAX_PATH_STEPS} exams; this one has ${codes.length}.`);
  if (!isIsoDate(input.targetDate))
    throw invalid("targetDate", `targetDate: "${input.targetDate}" is not a real date; write YYYY-MM-DD.`);
  if (input.targetDate <= today)
    throw invalid(
      "targetDate",
      `targetDate: ${input.targetDate} is not after today (${today}); pick a future date.`,
    );
  if (input.targetDate > addYears(today, MAX_YEARS_AHEAD))
    throw invalid(
      "targetDate",
      `targetDate: ${input.targetDate} is more than ${MAX_YEARS_AHEAD} years away.`,
    );

  const exams: string[] = [];
  for (const code of codes) {
    let cert: ReturnType<typeof getCertification>["certification"];
    try {
      cert = getCertification(catalog, code).certification;
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      throw invalid(field, `${field}: ${e.message}`, { suggestions: e.details?.suggestions ?? [] });
    }
    const status = certificationStatus(cert, input.targetDate);
    if (certificationStatus(cert, today) === "retired" || status === "retired")
      throw new DomainError(
        "assignment.exam_retired",
        `${code} (${cert.shortName}) is retired by ${input.targetDate}; assign its successor instead.`,
        { field },
      );
    const exam = blueprintFor(cert, today).exam;
    if (exams.includes(exam)) throw invalid(field, `${field}: ${exam} is listed twice.`);
    exams.push(exam);
  }

  let userIds: string[] | null = null;
  if (input.members !== undefined) {
    if (input.members.length === 0)
      throw invalid(
        "members",
        "members: list at least one email, or leave members out to assign the whole team.",
      );
    const byEmail = new Map(context.members.map((m) => [m.email.toLowerCase(), m.userId]));
    const wanted = [...new Set(input.members.map((e) => e.trim().toLowerCase()))];
    const unknown = wanted.filter((e) => !byEmail.has(e));
    if (unknown.length > 0)
      throw invalid(
        "members",
        `members: ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not in this team.`,
        {
          unknown,
        },
      );
    userIds = wanted.map((e) => byEmail.get(e) as string);
  }
  return { exams, kind: input.path ? "path" : "exam", targetDate: input.targetDate, userIds };
}

/**
 * The date each step of a path is due: the time from `start` to the path's target date is split in proportion to
 * each step's study hours (the advisor's base hours per level), so the last step is due on the target date.
 */
export function pathDueDates(
  steps: readonly { exam: string; hours: number }[],
  start: IsoDate,
  target: IsoDate,
): { exam: string; date: IsoDate }[] {
  const days = Math.max(0, daysBetween(start, target));
  const total = steps.reduce((s, x) => s + Math.max(1, x.hours), 0);
  let sum = 0;
  return steps.map((s, i) => {
    sum += Math.max(1, s.hours);
    const date = i === steps.length - 1 ? target : addDays(start, Math.round((days * sum) / total));
    return { exam: s.exam, date };
  });
}

/** A stored assignment as the expansion needs it. */
export interface AssignmentRecord {
  id: string;
  /** null: the whole team. */
  userId: string | null;
  exams: string[];
  targetDate: IsoDate;
  createdAt: string;
}

/** One member's work on one exam, from the assignment with the earliest date for it. */
export interface AssignedExam {
  userId: string;
  exam: string;
  targetDate: IsoDate;
  assignmentId: string;
}

/**
 * Expands assignments to (member, exam, due date) rows: a whole-team assignment reaches every member who is not a
 * lead of the team, an individual one its member; a path gives each exam its share of the time (pathDueDates);
 * when two assignments give the same exam to the same member the earlier date wins. Rows come in member order,
 * then by date.
 */
export function assignedExams(
  assignments: readonly AssignmentRecord[],
  members: readonly { userId: string; lead: boolean }[],
  hoursOf: (exam: string) => number,
): AssignedExam[] {
  const ids = new Set(members.map((m) => m.userId));
  const learners = members.filter((m) => !m.lead).map((m) => m.userId);
  const best = new Map<string, AssignedExam>();
  for (const a of assignments) {
    const dates =
      a.exams.length === 1
        ? [{ exam: a.exams[0] as string, date: a.targetDate }]
        : pathDueDates(
            a.exams.map((exam) => ({ exam, hours: hoursOf(exam) })),
            a.createdAt.slice(0, 10),
            a.targetDate,
          );
    for (const userId of a.userId === null ? learners : [a.userId]) {
      if (!ids.has(userId)) continue;
      for (const { exam, date } of dates) {
        const key = `${userId}\u0000${exam}`;
        const old = best.get(key);
        if (!old || date < old.targetDate)
          best.set(key, { userId, exam, targetDate: date, assignmentId: a.id });
      }
    }
  }
  const order = new Map(members.map((m, i) => [m.userId, i]));
  return [...best.values()].sort(
    (a, b) =>
      (order.get(a.userId) ?? 0) - (order.get(b.userId) ?? 0) ||
      a.targetDate.localeCompare(b.targetDate) ||
      a.exam.localeCompare(b.exam),
  );
}
