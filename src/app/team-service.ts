import type { AdvisorRules } from "../core/advisor/advisor-types.js";
import { type ProfileInput, resolveProfile, resolveService } from "../core/advisor/profile.js";
import { getCertification } from "../core/catalog/catalog.js";
import type { Catalog } from "../core/catalog/catalog-types.js";
import type { IsoDate } from "../core/dates.js";
import { NotFoundError, ValidationError } from "../core/errors.js";
import {
  type AssignmentInput,
  assignedExams,
  pathDueDates,
  validateAssignment,
} from "../core/teams/assignment.js";
import { teamAdvice } from "../core/teams/team-advice.js";
import { dashboardCsv } from "../core/teams/team-csv.js";
import { dashboardRow, statusCounts, teamWeakestDomains } from "../core/teams/team-dashboard.js";
import { TRACK_RULE } from "../core/teams/team-status.js";
import type { AssignmentRepository, StoredAssignment } from "../store/assignment-repository.js";
import type { TeamRecord, TeamRepository } from "../store/team-repository.js";
import type { LearningService } from "./learning-service.js";
import { type Actor, authorize } from "./policy.js";

export interface TeamServiceDeps {
  catalog: Catalog;
  rules: AdvisorRules;
  learning: LearningService;
  teams: TeamRepository;
  assignments: AssignmentRepository;
  now: () => Date;
  today: () => IsoDate;
  newId: () => string;
}

/** How many of the team's weakest domains the dashboard lists. */
const TEAM_WEAKEST = 8;

const teamNotFound = (id: string) => () => new NotFoundError("team.not_found", `No team has the id "${id}".`);

/** Teams: stack and advice, assignments, the dashboard (readiness per member) and its CSV export. */
export class TeamService {
  constructor(private readonly d: TeamServiceDeps) {}

  private async team(actor: Actor, id: string, action: "team.read" | "team.manage" | "team.dashboard") {
    authorize(actor, action, { teamId: id }, teamNotFound(id));
    const team = await this.d.teams.find(id);
    if (!team) throw teamNotFound(id)();
    return team;
  }

  private hours = (exam: string) =>
    this.d.rules.hours.baseHours[getCertification(this.d.catalog, exam).certification.level];

  /** The teams the actor belongs to (admins: every team). */
  async list(actor: Actor) {
    const teams =
      actor.role === "admin"
        ? await this.d.teams.list()
        : await this.d.teams.list(actor.teams.map((t) => t.id));
    return {
      teams: teams.map((t) => ({
        id: t.id,
        name: t.name,
        role: actor.teams.find((m) => m.id === t.id)?.role ?? null,
      })),
    };
  }

  /** The id of a team the actor can see, named by id or name (any case); 404 listing the names otherwise. */
  async resolveTeam(actor: Actor, nameOrId: string): Promise<string> {
    const { teams } = await this.list(actor);
    const wanted = nameOrId.trim().toLowerCase();
    const hit = teams.find((t) => t.id === nameOrId.trim() || t.name.toLowerCase() === wanted);
    if (hit) return hit.id;
    const names = teams.map((t) => t.name);
    throw new NotFoundError(
      "team.not_found",
      `No team of yours is called "${nameOrId}".${names.length ? ` Your teams: ${names.join(", ")}.` : " You are in no team."}`,
      { suggestions: names },
    );
  }

  /** A team: members, stack and assignments. */
  async get(actor: Actor, id: string) {
    const team = await this.team(actor, id, "team.read");
    const members = await this.d.teams.members(id);
    return {
      id: team.id,
      name: team.name,
      stack: this.stackView(team),
      members: members.map((m) => ({ email: m.email, role: m.role })),
      assignments: await this.assignmentViews(await this.d.assignments.listForTeam(id)),
    };
  }

  private stackView(team: TeamRecord) {
    const byslug = new Map(this.d.catalog.services.map((s) => [s.slug, s.name]));
    return team.stack.map((slug) => ({ slug, name: byslug.get(slug) ?? slug }));
  }

  /** Sets the services the team's organisation uses (slugs, names or aliases of content/services.yaml). */
  async setStack(actor: Actor, id: string, services: readonly string[]) {
    const team = await this.team(actor, id, "team.manage");
    const slugs: string[] = [];
    for (const [i, word] of services.entries()) {
      try {
        slugs.push(resolveService(this.d.catalog, word));
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        throw new ValidationError("team.invalid_input", e.message.replace(/^stack: /, `services.${i}: `), {
          ...e.details,
          field: `services.${i}`,
        });
      }
    }
    const stack = [...new Set(slugs)];
    await this.d.teams.setStack(id, stack);
    return { id, stack: this.stackView({ ...team, stack }) };
  }

  /** The advisor run for the team's stack: which certifications cover the services it uses. */
  async advice(actor: Actor, id: string, input: Partial<ProfileInput>) {
    const team = await this.team(actor, id, "team.read");
    const profile = resolveProfile(this.d.catalog, this.d.rules, {
      role: input.role ?? "cloud-engineer",
      awsExperience: input.awsExperience ?? 1,
      hoursPerWeek: input.hoursPerWeek,
      goal: input.goal,
      targetDate: input.targetDate,
      stack: team.stack,
    });
    const r = teamAdvice(this.d.catalog, this.d.rules, profile, this.d.today());
    const names = new Map(this.d.catalog.services.map((s) => [s.slug, s.name]));
    return {
      team: { id: team.id, name: team.name },
      stack: this.stackView(team),
      coverage: r.coverage.map((c) => ({
        ...c,
        covered: c.covered.map((s) => ({ slug: s, name: names.get(s) ?? s })),
      })),
      advice: r.advice,
    };
  }

  /** Assigns an exam or a path to the whole team or chosen members (one stored assignment per member). */
  async assign(actor: Actor, id: string, input: AssignmentInput) {
    await this.team(actor, id, "team.manage");
    const members = await this.d.teams.members(id);
    const valid = validateAssignment(this.d.catalog, input, { today: this.d.today(), members });
    const createdAt = this.d.now().toISOString();
    const rows: StoredAssignment[] = (valid.userIds ?? [null]).map((userId) => ({
      id: this.d.newId(),
      teamId: id,
      userId,
      kind: valid.kind,
      exams: valid.exams,
      targetDate: valid.targetDate,
      assignedBy: actor.userId,
      createdAt,
    }));
    await this.d.assignments.create(rows);
    return { assignments: await this.assignmentViews(rows) };
  }

  async unassign(actor: Actor, id: string, assignmentId: string) {
    await this.team(actor, id, "team.manage");
    if (!(await this.d.assignments.delete(id, assignmentId)))
      throw new NotFoundError("assignment.not_found", `Team ${id} has no assignment "${assignmentId}".`);
  }

  private async assignmentViews(rows: readonly StoredAssignment[]) {
    const emails = await this.d.teams.emails(
      rows.flatMap((r) => (r.userId ? [r.userId, r.assignedBy] : [r.assignedBy])),
    );
    return rows.map((r) => ({
      id: r.id,
      teamId: r.teamId,
      kind: r.kind,
      exams: r.exams,
      targetDate: r.targetDate,
      member: r.userId === null ? null : (emails.get(r.userId) ?? null),
      assignedBy: emails.get(r.assignedBy) ?? null,
      createdAt: r.createdAt,
      steps: this.steps(r),
    }));
  }

  private steps(r: Pick<StoredAssignment, "exams" | "createdAt" | "targetDate">) {
    return r.exams.length === 1
      ? [{ exam: r.exams[0] as string, date: r.targetDate }]
      : pathDueDates(
          r.exams.map((exam) => ({ exam, hours: this.hours(exam) })),
          r.createdAt.slice(0, 10),
          r.targetDate,
        );
  }

  /** The actor's own assignments with their readiness status per exam and the plan that covers them, if any. */
  async mine(actor: Actor) {
    const teamIds = actor.teams.map((t) => t.id);
    const rows = await this.d.assignments.listForMember(actor.userId, teamIds);
    // A whole-team assignment is not for the team's leads.
    const leadOf = new Set(actor.teams.filter((t) => t.role === "lead").map((t) => t.id));
    const mine = rows.filter((r) => r.userId !== null || !leadOf.has(r.teamId));
    const plans = (await this.d.learning.listPlans(actor.learner)).plans;
    const views = await this.assignmentViews(mine);
    const today = this.d.today();
    const out = [];
    for (const v of views) {
      const plan = plans.find((p) => v.exams.every((e) => p.exams.includes(e)));
      const steps = [];
      for (const s of v.steps) {
        const p = await this.d.learning.progress(actor.learner, s.exam, TRACK_RULE.trendDays);
        const row = dashboardRow(
          { email: actor.email ?? "", exam: s.exam, assignmentId: v.id, targetDate: s.date, ...p },
          today,
        );
        steps.push({
          exam: s.exam,
          name: getCertification(this.d.catalog, s.exam).certification.name,
          date: s.date,
          status: row.status,
          reasons: row.reasons,
          passProbability: row.passProbability,
        });
      }
      const query = v.kind === "path" ? `path=${v.exams.join(",")}` : `exam=${v.exams[0]}`;
      out.push({
        ...v,
        team: actor.teams.find((t) => t.id === v.teamId)?.name ?? null,
        steps,
        plan: plan ? { id: plan.id, targetDate: plan.targetDate } : null,
        newPlanUrl: `/plans/new?${query}&by=${v.targetDate}`,
      });
    }
    return { assignments: out };
  }

  /** Per member and assigned exam: readiness, trend, weakest domains, last activity and the on-track status. */
  async dashboard(actor: Actor, id: string) {
    const team = await this.team(actor, id, "team.dashboard");
    const members = await this.d.teams.members(id);
    const assigned = assignedExams(
      await this.d.assignments.listForTeam(id),
      members.map((m) => ({ userId: m.userId, lead: m.role === "lead" })),
      this.hours,
    );
    const emailOf = new Map(members.map((m) => [m.userId, m.email]));
    const today = this.d.today();
    const inputs = [];
    for (const a of assigned) {
      // The learner id of a user is the user's id.
      const p = await this.d.learning.progress(a.userId, a.exam, TRACK_RULE.trendDays);
      inputs.push({
        email: emailOf.get(a.userId) ?? a.userId,
        exam: a.exam,
        assignmentId: a.assignmentId,
        targetDate: a.targetDate,
        ...p,
      });
    }
    const rows = inputs.map((i) => dashboardRow(i, today));
    const withRows = new Set(assigned.map((a) => a.userId));
    return {
      team: { id: team.id, name: team.name },
      asOf: this.d.now().toISOString(),
      today,
      rule: TRACK_RULE,
      counts: statusCounts(rows),
      rows,
      weakestDomains: teamWeakestDomains(inputs).slice(0, TEAM_WEAKEST),
      unassigned: members.filter((m) => m.role !== "lead" && !withRows.has(m.userId)).map((m) => m.email),
    };
  }

  /** The dashboard rows as CSV, and a file name for the download. */
  async dashboardCsv(actor: Actor, id: string) {
    const d = await this.dashboard(actor, id);
    const slug =
      d.team.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "team";
    return { csv: dashboardCsv(d.rows), filename: `certpath-${slug}-${d.today}.csv` };
  }
}
