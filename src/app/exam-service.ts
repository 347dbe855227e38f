import { isComplete, isCorrect } from "../core/bank/answer-key.js";
import type { Answer, Question } from "../core/bank/question-types.js";
import { getCertification } from "../core/catalog/catalog.js";
import type { Catalog } from "../core/catalog/catalog-types.js";
import { toIsoDate } from "../core/dates.js";
import { ConflictError, DomainError, NotFoundError, ValidationError } from "../core/errors.js";
import {
  type Attempt,
  assertOpen,
  checkAnswer,
  type ExamMode,
  feedback,
  isTimeUp,
  questionView,
  reviewView,
  type SavedAnswer,
  secondsRemaining,
  startAttempt,
} from "../core/exam/attempt.js";
import { blueprintFor } from "../core/exam/blueprint.js";
import { assembleForm, type indexBank } from "../core/exam/form-assembly.js";
import { scoreForm, verdictKind } from "../core/exam/scoring.js";
import type { AttemptRepository } from "../store/attempt-repository.js";
import { planStart, timedOut, withVerdict } from "./exam-outcome.js";

interface AttemptFacts {
  learner: string;
  exam: string;
  mode: ExamMode;
  endsAt: string | null;
  questionIds: ReadonlySet<string>;
}

/** Until accounts exist, every attempt belongs to the one local learner. */
export const LOCAL_LEARNER = "local";

export interface StartRequest {
  exam: string;
  mode: ExamMode;
  seed?: string | undefined;
  count?: number | undefined;
  domains?: string[] | undefined;
  services?: string[] | undefined;
  retakeOf?: string | undefined;
  /** Drill the questions last answered wrong. */
  mistakes?: boolean | undefined;
}

export interface ExamServiceDeps {
  catalog: Catalog;
  bank: ReturnType<typeof indexBank>;
  questions: ReadonlyMap<string, Question>;
  repo: AttemptRepository;
  now: () => Date;
  newId: () => string;
  newSeed: () => string;
}

const DRILL_DEFAULT_COUNT = 10;

/** The practice-exam use cases shared by the HTTP API and the CLI. */
export class ExamService {
  constructor(private readonly d: ExamServiceDeps) {}

  private question(id: string): Question {
    const q = this.d.questions.get(id);
    if (!q) throw new NotFoundError("attempt.question_not_found", `Question "${id}" is not in the bank.`);
    return q;
  }

  /** Starts an attempt: assembles a form from the blueprint and the learner's history. */
  async start(learner: string, req: StartRequest) {
    const now = this.d.now();
    const { blueprint, pool, services } = planStart(this.d.catalog, this.d.bank, req, toIsoDate(now));

    let questionIds: string[] | undefined;
    if (req.retakeOf) {
      const earlier = await this.d.repo.get(req.retakeOf);
      if (earlier.exam !== blueprint.exam)
        throw new ValidationError(
          "attempt.invalid_input",
          `retakeOf: attempt ${req.retakeOf} is for ${earlier.exam}, not ${blueprint.exam}.`,
          { field: "retakeOf" },
        );
      questionIds = earlier.questionIds;
    } else if (req.mistakes || (req.mode === "drill" && !req.domains?.length && !services?.length)) {
      questionIds = (await this.d.repo.lastWrongQuestionIds(learner, blueprint.exam)).slice(
        0,
        req.count ?? DRILL_DEFAULT_COUNT,
      );
      if (questionIds.length === 0)
        throw new DomainError(
          "attempt.no_mistakes",
          `You have no wrong answers to drill for ${blueprint.exam} yet. Drill by domain or service instead.`,
          { exam: blueprint.exam },
        );
    }
    const seed = req.seed ?? this.d.newSeed();
    const count = req.count ?? (req.mode === "drill" ? DRILL_DEFAULT_COUNT : undefined);
    const form = assembleForm({
      blueprint,
      pool,
      seed,
      count,
      domains: req.domains,
      services,
      questionIds,
      seen: questionIds ? undefined : await this.d.repo.seenQuestionIds(learner, blueprint.exam),
    });
    if (form.questionIds.length === 0)
      throw new DomainError(
        "exam.no_questions",
        `No question of ${blueprint.exam} matches these domains and services.`,
      );
    const attempt = startAttempt({
      id: this.d.newId(),
      learner,
      blueprint,
      form,
      mode: req.mode,
      seed,
      now,
      retakeOf: req.retakeOf,
    });
    await this.d.repo.create(attempt);
    return this.present(attempt, [], now);
  }

  /** The attempt as created, with saved answers and the time left; an attempt past its end is submitted first. */
  async get(id: string) {
    const now = this.d.now();
    const attempt = await this.settle(await this.d.repo.get(id), now);
    return this.present(attempt, await this.d.repo.answers(id), now);
  }

  private present(attempt: Attempt, answers: SavedAnswer[], now: Date) {
    return {
      id: attempt.id,
      exam: attempt.exam,
      mode: attempt.mode,
      status: attempt.status,
      startedAt: attempt.startedAt,
      endsAt: attempt.endsAt,
      submittedAt: attempt.submittedAt,
      secondsRemaining: secondsRemaining(attempt, now),
      ...(attempt.notice ? { notice: attempt.notice } : {}),
      ...(attempt.retakeOf ? { retakeOf: attempt.retakeOf } : {}),
      questions: attempt.questionIds.map((qid) => questionView(this.question(qid), attempt)),
      answers: Object.fromEntries(
        answers.map((a) => [
          a.questionId,
          {
            selected: a.selected ?? null,
            ...(a.pairs ? { pairs: a.pairs } : {}),
            flagged: a.flagged,
            // Practice feedback was given for a locked answer: it comes back after a reload.
            ...(a.locked ? { locked: true, feedback: feedback(this.question(a.questionId), a) } : {}),
          },
        ]),
      ),
    };
  }

  /** Submits an attempt whose time is up, with what was saved before the end. */
  private async settle(attempt: Attempt, now: Date): Promise<Attempt> {
    if (attempt.status === "in-progress" && isTimeUp(attempt, now))
      return this.finish(attempt, attempt.endsAt ?? now.toISOString());
    return attempt;
  }

  /** Scores and submits; returns the submitted attempt (re-read only when another submit won the race). */
  private async finish(attempt: Attempt, at: string): Promise<Attempt> {
    const cert = getCertification(this.d.catalog, attempt.exam).certification;
    const blueprint = blueprintFor(cert, attempt.startedAt.slice(0, 10));
    const questions = attempt.questionIds.map((q) => this.question(q));
    const saved = new Map((await this.d.repo.answers(attempt.id)).map((a) => [a.questionId, a as Answer]));
    const report = scoreForm(blueprint, questions, saved, verdictKind(attempt.mode, blueprint, questions));
    // Practice and drills record history as each answer is checked; exams record it at the end.
    const history =
      attempt.mode === "exam"
        ? questions.map((q) => ({
            questionId: q.id,
            exam: attempt.exam,
            correct: isCorrect(q, saved.get(q.id)),
            at,
          }))
        : [];
    const won = await this.d.repo.submit(attempt, report, at, history);
    return won
      ? { ...attempt, status: "submitted", submittedAt: at, result: report }
      : this.d.repo.get(attempt.id);
  }

  /** Saves one answer (and/or the flag); practice and drills get immediate feedback on a complete answer. */
  async answer(id: string, questionId: string, input: Answer & { flagged?: boolean | undefined }) {
    const now = this.d.now();
    const facts = await this.facts(id);
    if (isTimeUp(facts, now)) assertOpen(await this.settle(await this.d.repo.get(id), now), now);
    if (!facts.questionIds.has(questionId))
      throw new NotFoundError(
        "attempt.question_not_found",
        `Question "${questionId}" is not part of attempt ${id}.`,
      );
    const q = this.question(questionId);
    const hasAnswer = input.selected !== undefined || input.pairs !== undefined;
    if (hasAnswer) checkAnswer(q, input);
    else if (input.flagged === undefined)
      throw new ValidationError(
        "attempt.invalid_answer",
        'Send "selected" (or "pairs" for matching) and/or "flagged".',
        { field: "selected" },
      );
    // Practice and drills score the first complete answer: it gets feedback and is locked.
    const lock = facts.mode !== "exam" && hasAnswer && isComplete(q, input);
    const saved = await this.d.repo.saveAnswer(id, questionId, input, now.toISOString(), lock);
    // The save itself checks, in the same statement, that the attempt is still open and the answer unlocked.
    if (!saved) {
      if (hasAnswer && (await this.d.repo.isLocked(id, questionId)))
        throw new ConflictError(
          "attempt.answer_locked",
          "You already answered this question and saw the feedback: your first complete answer is the one that counts. Move on to the next question.",
        );
      throw new ConflictError("attempt.closed", "This attempt has been submitted; the answer was not saved.");
    }
    // Feedback (and a history entry) once the answer is whole, not for each click of a multi-part answer.
    if (lock) {
      const fb = feedback(q, input);
      await this.d.repo.recordHistory(facts.learner, {
        questionId,
        exam: facts.exam,
        correct: fb.correct,
        at: now.toISOString(),
      });
      return { saved: true as const, ...fb };
    }
    return { saved: true as const };
  }

  // What never changes once an attempt exists (who, which exam, mode, questions, end time) is kept per
  // process so that an answer save is one statement. Nothing mutable is cached: status lives in the database.
  private readonly factsCache = new Map<string, AttemptFacts>();

  private async facts(id: string): Promise<AttemptFacts> {
    const cached = this.factsCache.get(id);
    if (cached) return cached;
    const a = await this.d.repo.findOpenState(id);
    if (!a) throw new NotFoundError("attempt.not_found", `No attempt has the id "${id}".`);
    const facts: AttemptFacts = {
      learner: a.learner,
      exam: a.exam,
      mode: a.mode,
      endsAt: a.endsAt,
      questionIds: new Set(a.questionIds),
    };
    if (this.factsCache.size >= 10_000) this.factsCache.delete(this.factsCache.keys().next().value as string);
    this.factsCache.set(id, facts);
    return facts;
  }

  /** Submits and scores; submitting twice returns the same report. */
  async submit(id: string) {
    const now = this.d.now();
    let attempt = await this.settle(await this.d.repo.get(id), now);
    if (attempt.status === "in-progress") attempt = await this.finish(attempt, now.toISOString());
    return this.report(attempt);
  }

  private report(attempt: Attempt) {
    const r = attempt.result;
    if (!r) throw new ConflictError("attempt.not_submitted", "This attempt has not been submitted yet.");
    const cert = getCertification(this.d.catalog, attempt.exam).certification;
    return {
      id: attempt.id,
      exam: attempt.exam,
      name: cert.name,
      mode: attempt.mode,
      submittedAt: attempt.submittedAt,
      timedOut: timedOut(attempt),
      ...withVerdict(r),
    };
  }

  /** After submission only: the report and every question with the answer, the key and explanations. */
  async review(id: string) {
    const now = this.d.now();
    const attempt = await this.settle(await this.d.repo.get(id), now);
    if (attempt.status !== "submitted")
      throw new ConflictError("attempt.not_submitted", "The review opens after the attempt is submitted.");
    const answers = new Map((await this.d.repo.answers(id)).map((a) => [a.questionId, a]));
    return {
      ...this.report(attempt),
      questions: attempt.questionIds.map((qid) => reviewView(this.question(qid), attempt, answers.get(qid))),
    };
  }

  /** Exams that have a question bank, with the bank's size next to a full form's. */
  available() {
    const today = toIsoDate(this.d.now());
    const exams = [];
    for (const [code, pool] of [...this.d.bank].sort(([a], [b]) => a.localeCompare(b))) {
      const cert = getCertification(this.d.catalog, code).certification;
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

  /** The learner's attempts, newest first (summaries only; an attempt whose time ran out is submitted first). */
  async history(learner: string) {
    const now = this.d.now();
    const list = await this.d.repo.listSummaries(learner);
    const out = [];
    for (const row of list) {
      let a = row;
      if (a.status === "in-progress" && a.endsAt && isTimeUp(a, now)) {
        const settled = await this.settle(await this.d.repo.get(a.id), now);
        a = { ...a, status: settled.status, submittedAt: settled.submittedAt, result: settled.result };
      }
      const result = a.result ? withVerdict(a.result) : null;
      out.push({
        id: a.id,
        exam: a.exam,
        mode: a.mode,
        status: a.status,
        startedAt: a.startedAt,
        submittedAt: a.submittedAt,
        questions: a.questions,
        scaledScore: result?.scaledScore ?? null,
        passingScore: result?.passingScore ?? null,
        passed: result?.passed ?? null,
        correct: result?.correct ?? null,
        percent: result?.percent ?? null,
        verdict: result?.verdict ?? null,
        timedOut: timedOut(a),
      });
    }
    return { attempts: out };
  }
}
