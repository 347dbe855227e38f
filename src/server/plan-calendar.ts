import { ICalCalendar, ICalEventStatus } from "ical-generator";

interface CalendarPlan {
  id: string;
  version: number;
  createdAt: string;
  exams: string[];
  examDates: { exam: string; date: string }[];
  weeks: {
    sessions: {
      key: string;
      date: string;
      minutes: number;
      title: string;
      tasks: string[];
      references: string[];
      command?: string | undefined;
    }[];
  }[];
}

/**
 * A plan as iCalendar (RFC 5545, through ical-generator): one all-day event per session with a stable UID
 * (`plan-<id>-<session key>@certpath`) and the plan's version as SEQUENCE, so calendar apps update
 * re-planned sessions in place; each exam date is an all-day event too. Sessions carry no time of day:
 * the plan says which day and how long, the learner picks the hour.
 */
export function buildPlanCalendar(plan: CalendarPlan): string {
  const cal = new ICalCalendar({
    name: `certpath study plan: ${plan.exams.join(", ")}`,
    prodId: { company: "certpath", product: "study-plan" },
  });
  const stamp = new Date(plan.createdAt);
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  for (const w of plan.weeks)
    for (const s of w.sessions) {
      const lines = [`${s.minutes} minutes.`];
      if (s.tasks.length) lines.push("", "Task statements:", ...s.tasks.map((t) => `- ${t}`));
      if (s.references.length) lines.push("", "Read:", ...s.references.map((r) => `- ${r}`));
      if (s.command) lines.push("", `Start: ${s.command}`);
      cal.createEvent({
        id: `plan-${plan.id}-${s.key}@certpath`,
        sequence: plan.version,
        stamp,
        start: day(s.date),
        allDay: true,
        summary: `${s.title} (${s.minutes} min)`,
        description: lines.join("\n"),
        status: ICalEventStatus.CONFIRMED,
      });
    }
  for (const e of plan.examDates)
    cal.createEvent({
      id: `plan-${plan.id}-exam-${e.exam}@certpath`,
      sequence: plan.version,
      stamp,
      start: day(e.date),
      allDay: true,
      summary: `${e.exam} exam day`,
    });
  return cal.toString();
}
