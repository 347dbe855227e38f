import type { AdvisorRules } from "../core/advisor/advisor-types.js";
import type { Question } from "../core/bank/question-types.js";
import { certificationStatus, getCertification } from "../core/catalog/catalog.js";
import type { Catalog, Certification, Domain } from "../core/catalog/catalog-types.js";
import { daysBetween, type IsoDate, isIsoDate } from "../core/dates.js";
import { DomainError, NotFoundError, ValidationError } from "../core/errors.js";
import { blueprintFor } from "../core/exam/blueprint.js";
import { estimateReadiness, type Readiness, type ScoredAnswer } from "../core/learning/readiness.js";
import { scheduleReviews } from "../core/learning/review-schedule.js";
import {
  buildStudyPlan,
  type PlanExam,
  type PlanSession,
  type StudyPlan,
} from "../core/learning/study-plan.js";
import type { LearningRepository } from "../store/learning-repository.js";

export interface LearningServiceDeps {
  catalog: Catalog;
  rules: AdvisorRules;
  questions: ReadonlyMap<string, Question>;
  repo: LearningRepository;
  now: () => Date;
  /** The learner's local calendar date. */
  today: () => IsoDate;
  newId: () => string;
}

export interface PlanRequest {
  exam?: string | undefined;
  path?: string[] | undefined;
  targetDate: IsoDate;
  hoursPerWeek: number;
  startDate?: IsoDate | undefined;
}

/** A session as the API shows it: what to do, what to read, and how to start it. */
export interface PlanSessionView extends PlanSession {
  /** Task statements of the session's domains (from the exam guide, where the catalog has them). */
  tasks: string[];
  /** AWS documentation pages the bank's questions on these domains cite, the learner's most-missed first. */
  references: string[];
  /** The body of POST /api/attempts that starts this session's attempt (review, drill and practice exams). */
  start?: { exam: string; mode: "exam" | "drill" | "review"; domains?: string[]; count?: number };
  /** The CLI command that starts it. */
  command?: string;
  done: boolean;
}

const MAX_REFERENCES = 5;

/** The learning loop's use cases (readiness, reviews, plans), shared by the HTTP API and the CLI. */
export class LearningService {
  constructor(private readonly d: LearningServiceDeps) {}

  private cert(exam: string): Certification {
    return getCertification(this.d.catalog, exam).certification;
  }

  private blueprint(exam: string) {
    return blueprintFor(this.cert(exam), this.d.today());
  }

  /** The learner's scored answers of an exam, with each question's domain from the bank. */
  private async evidence(learner: string, exam: string): Promise<ScoredAnswer[]> {
    const out: ScoredAnswer[] = [];
    for (const a of await this.d.repo.answers(learner, exam)) {
      const q = this.d.questions.get(a.questionId);
      // A question removed from the bank no longer says anything about the current blueprint.
      if (q) out.push({ ...a, domain: q.domain });
    }
    return out;
  }

  /** Predicted scaled score, interval and pass probability for one exam (docs/readiness.md). */
  async readiness(learner: string, exam: string): Promise<Readiness & { advice: string; name: string }> {
    const bp = this.blueprint(exam);
    const r = estimateReadiness(bp, await this.evidence(learner, bp.exam), this.d.now());
    return { ...r, name: this.cert(bp.exam).name, advice: readinessAdvice(r, bp.domains) };
  }

  /**
   * Readiness now and as it was `days` ago (only the answers given by then), and the instant of the last answer:
   * what a team dashboard row needs, from one read of the evidence.
   */
  async progress(learner: string, exam: string, days: number) {
    const bp = this.blueprint(exam);
    const evidence = await this.evidence(learner, bp.exam);
    const now = this.d.now();
    const then = new Date(now.getTime() - days * 86_400_000);
    const before = evidence.filter((a) => Date.parse(a.answeredAt) <= then.getTime());
    return {
      readiness: estimateReadiness(bp, evidence, now),
      earlier: before.length > 0 ? estimateReadiness(bp, before, then) : null,
      lastActivity: evidence.reduce<string | null>(
        (m, a) => (m === null || a.answeredAt > m ? a.answeredAt : m),
        null,
      ),
    };
  }

  /** Every review card of an exam with its due date, those due now first; the exam date bounds them. */
  async reviews(learner: string, exam: string, examDate?: IsoDate) {
    const bp = this.blueprint(exam);
    if (examDate !== undefined && !isIsoDate(examDate))
      throw new ValidationError("reviews.invalid_input", "examDate: write a real date as YYYY-MM-DD.", {
        field: "examDate",
      });
    const date = examDate ?? (await this.d.repo.latestPlanFor(learner, bp.exam))?.targetDate;
    const cards = scheduleReviews({
      answers: await this.evidence(learner, bp.exam),
      domainWeights: new Map(bp.domains.map((d) => [d.id, d.weight])),
      today: this.d.today(),
      examDate: date,
    });
    return {
      exam: bp.exam,
      today: this.d.today(),
      examDate: date ?? null,
      due: cards.filter((c) => c.dueNow).length,
      cards,
    };
  }

  /** Ids of the questions due for review now, most urgent first (for a review attempt). */
  async dueQuestionIds(learner: string, exam: string, limit = 20): Promise<string[]> {
    const r = await this.reviews(learner, exam);
    return r.cards
      .filter((c) => c.dueNow && this.d.questions.has(c.questionId))
      .slice(0, limit)
      .map((c) => c.questionId);
  }

  private async planExam(
    learner: string,
    code: string,
  ): Promise<{ exam: PlanExam; misses: Map<string, number> }> {
    const cert = this.cert(code);
    const bp = blueprintFor(cert, this.d.today());
    const evidence = await this.evidence(learner, bp.exam);
    const r = estimateReadiness(bp, evidence, this.d.now());
    const reviews = scheduleReviews({
      answers: evidence,
      domainWeights: new Map(bp.domains.map((d) => [d.id, d.weight])),
      today: this.d.today(),
    });
    const misses = new Map<string, number>();
    for (const a of evidence) if (!a.correct) misses.set(a.questionId, (misses.get(a.questionId) ?? 0) + 1);
    const overall =
      r.domains.reduce((s, d) => s + d.weight * d.estimate, 0) /
      Math.max(
        1,
        r.domains.reduce((s, d) => s + d.weight, 0),
      );
    return {
      misses,
      exam: {
        exam: bp.exam,
        name: cert.name,
        domains: bp.domains,
        durationMinutes: bp.durationMinutes,
        questionCount: bp.questionCount,
        studyHours: this.d.rules.hours.baseHours[cert.level],
        domainEstimates: new Map(r.domains.filter((d) => d.answered > 0).map((d) => [d.id, d.estimate])),
        // Share of the way from a beginner's 40% to the 80% that passes comfortably.
        progress: r.passProbability === null ? 0 : Math.min(1, Math.max(0, (overall - 0.4) / 0.4)),
        reviewCards: reviews.length,
        needsBaseline: !evidence.some((a) => a.mode === "exam" || a.mode === "practice"),
      },
    };
  }

  private validate(req: PlanRequest): string[] {
    const codes = req.path?.length ? req.path : req.exam ? [req.exam] : [];
    if (codes.length === 0)
      throw new ValidationError(
        "plan.invalid_input",
        'Send "exam" (an exam code) or "path" (a list of codes).',
        { field: "exam" },
      );
    for (const [field, value] of [
      ["targetDate", req.targetDate],
      ["startDate", req.startDate],
    ] as const)
      if (value !== undefined && !isIsoDate(value))
        throw new ValidationError("plan.invalid_input", `${field}: write a real date as YYYY-MM-DD.`, {
          field,
        });
    if (!(req.hoursPerWeek >= 0.5 && req.hoursPerWeek <= 80))
      throw new ValidationError("plan.invalid_input", "hoursPerWeek: give between 0.5 and 80 hours.", {
        field: "hoursPerWeek",
      });
    const start = req.startDate ?? this.d.today();
    if (daysBetween(start, req.targetDate) < 7)
      throw new ValidationError(
        "plan.invalid_input",
        `targetDate: ${req.targetDate} leaves less than a week after ${start}; a plan needs at least 7 days.`,
        { field: "targetDate" },
      );
    const exams = codes.map((c) => {
      const cert = this.cert(c);
      const bp = blueprintFor(cert, start);
      if (
        certificationStatus(cert, start) === "retired" ||
        certificationStatus(cert, req.targetDate) === "retired"
      )
        throw new DomainError(
          "plan.exam_retired",
          `${bp.exam} is retired by ${req.targetDate}; plan for its successor instead (certpath show ${bp.exam}).`,
          { field: "exam" },
        );
      return bp.exam;
    });
    return exams;
  }

  private async compute(learner: string, req: PlanRequest, exams: string[], keep: PlanSession[]) {
    const start = req.startDate && req.startDate > this.d.today() ? req.startDate : this.d.today();
    const built = await Promise.all(exams.map((e) => this.planExam(learner, e)));
    const plan = buildStudyPlan({
      exams: built.map((b) => b.exam),
      startDate: keep.length ? start : (req.startDate ?? start),
      targetDate: req.targetDate,
      hoursPerWeek: req.hoursPerWeek,
      keep,
      seed: `${learner}:${exams.join(",")}:${req.targetDate}`,
    });
    return { plan, built };
  }

  /** Creates and stores a plan; 201 in the API. */
  async createPlan(learner: string, req: PlanRequest) {
    const exams = this.validate(req);
    const { plan, built } = await this.compute(learner, req, exams, []);
    const id = this.d.newId();
    const at = this.d.now().toISOString();
    await this.d.repo.createPlan({
      id,
      learner,
      exams,
      targetDate: req.targetDate,
      request: req,
      plan,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    return this.view(
      id,
      plan,
      built.map((b) => b.misses),
      1,
      at,
    );
  }

  /** The plan re-planned from today on with the latest results; sessions before today are kept as they were. */
  /** The learner a plan belongs to, or undefined when no plan has this id. */
  async planOwner(id: string): Promise<string | undefined> {
    return (await this.d.repo.findPlan(id))?.learner;
  }

  async getPlan(learner: string, id: string) {
    const stored = await this.d.repo.findPlan(id);
    if (!stored || stored.learner !== learner)
      throw new NotFoundError("plan.not_found", `No plan has the id "${id}".`);
    const old = stored.plan as StudyPlan;
    const today = this.d.today();
    const keep = old.weeks.flatMap((w) => w.sessions).filter((s) => s.date < today);
    const req = stored.request as PlanRequest;
    const { plan, built } = await this.compute(
      learner,
      { ...req, startDate: today > (req.startDate ?? "") ? today : req.startDate },
      stored.exams,
      keep,
    );
    let version = stored.version;
    if (
      JSON.stringify(plan.weeks) !== JSON.stringify(old.weeks) &&
      (await this.d.repo.updatePlan(id, version, plan, this.d.now().toISOString()))
    )
      version++;
    return this.view(
      id,
      plan,
      built.map((b) => b.misses),
      version,
      stored.createdAt,
    );
  }

  /** The learner's plans, newest first (summary). */
  async listPlans(learner: string) {
    return {
      plans: (await this.d.repo.listPlans(learner)).map((p) => ({
        id: p.id,
        exams: p.exams,
        targetDate: p.targetDate,
        hoursPerWeek: (p.request as PlanRequest).hoursPerWeek,
        createdAt: p.createdAt,
      })),
    };
  }

  private view(
    id: string,
    plan: StudyPlan,
    misses: Map<string, number>[],
    version: number,
    createdAt: string,
  ) {
    const today = this.d.today();
    const allMisses = new Map(misses.flatMap((m) => [...m]));
    const refs = new Map<string, string[]>();
    const referencesFor = (exam: string, domain: string) => {
      const key = `${exam}/${domain}`;
      const cached = refs.get(key);
      if (cached) return cached;
      const score = new Map<string, number>();
      for (const q of this.d.questions.values()) {
        if (q.exam !== exam || q.domain !== domain) continue;
        const missed = allMisses.get(q.id) ?? 0;
        for (const r of q.references) score.set(r, (score.get(r) ?? 0) + 1 + 10 * missed);
      }
      const list = [...score]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, MAX_REFERENCES)
        .map(([u]) => u);
      refs.set(key, list);
      return list;
    };
    const domainsOf = new Map<string, readonly Domain[]>();
    const tasksFor = (exam: string, ids: string[]) => {
      let domains = domainsOf.get(exam);
      if (!domains) {
        domains = this.blueprint(exam).domains;
        domainsOf.set(exam, domains);
      }
      return domains.filter((d) => ids.includes(d.id)).flatMap((d) => d.tasks ?? []);
    };
    const session = (s: PlanSession): PlanSessionView => {
      const base = {
        ...s,
        tasks: s.activity === "study" || s.activity === "drill" ? tasksFor(s.exam, s.domains) : [],
        references:
          s.activity === "study" || s.activity === "drill"
            ? s.domains.flatMap((d) => referencesFor(s.exam, d)).slice(0, MAX_REFERENCES)
            : [],
        done: s.date < today,
      };
      if (s.activity === "review")
        return { ...base, start: { exam: s.exam, mode: "review" }, command: `certpath review-due ${s.exam}` };
      if (s.activity === "drill")
        return {
          ...base,
          start: { exam: s.exam, mode: "drill", domains: s.domains, count: 10 },
          command: `certpath exam ${s.exam} --mode drill ${s.domains.map((d) => `--domain ${d}`).join(" ")}`,
        };
      if (s.activity === "practice-exam") {
        const full = s.questions === undefined || s.questions >= this.blueprint(s.exam).questionCount;
        return {
          ...base,
          start: { exam: s.exam, mode: "exam", ...(full ? {} : { count: s.questions }) },
          command: `certpath exam ${s.exam}${full ? "" : ` --count ${s.questions}`}`,
        };
      }
      return base;
    };
    return {
      id,
      version,
      createdAt,
      exams: plan.examDates.map((e) => e.exam),
      startDate: plan.startDate,
      targetDate: plan.targetDate,
      hoursPerWeek: plan.hoursPerWeek,
      feasible: plan.feasible,
      neededHoursPerWeek: plan.neededHoursPerWeek,
      examDates: plan.examDates,
      weeks: plan.weeks.map((w) => ({
        start: w.start,
        minutes: w.minutes,
        sessions: w.sessions.map(session),
      })),
      warnings: plan.warnings,
    };
  }
}

/** One plain sentence for the learner: what the estimate says and what to do next. */
export function readinessAdvice(r: Readiness, domains: readonly Domain[]): string {
  if (r.passProbability === null)
    return `Answer ${r.needed} more question${r.needed === 1 ? "" : "s"} of ${r.exam} (practice or a timed exam) for a first estimate.`;
  const weakest = r.weakest[0] ? domains.find((d) => d.id === r.weakest[0]) : undefined;
  const p = r.passProbability;
  const pct = p < 0.01 ? "under 1%" : p > 0.99 ? "over 99%" : `${Math.round(p * 100)}%`;
  const focus = weakest ? ` Focus on domain ${weakest.id} (${weakest.name}).` : "";
  if (r.passProbability >= 0.8)
    return `You would likely pass ${r.exam} today: your chance is ${pct}. Take a fresh full practice exam to confirm before you book.${focus}`;
  if (r.passProbability >= 0.5)
    return `You are close: your chance of passing ${r.exam} today is ${pct}.${focus}`;
  return `Not ready yet: your chance of passing ${r.exam} today is ${pct}.${focus}`;
}
