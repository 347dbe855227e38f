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
import {
  answerFromOpaque,
  answerToOpaque,
  type IdHash,
  type QuestionIds,
  questionIds,
} from "../core/exam/attempt-ids.js";
import { blueprintFor } from "../core/exam/blueprint.js";
import { assembleForm, type indexBank } from "../core/exam/form-assembly.js";
import { scoreForm, verdictKind } from "../core/exam/scoring.js";
import type { AttemptRepository } from "../store/attempt-repository.js";
import { availableExams } from "./exam-list.js";
import { planStart, timedOut, withVerdict } from "./exam-outcome.js";
import { type AnswerResult, checkRetake, withheldNote } from "./key-rule.js";

interface AttemptFacts {
  learner: string;
  exam: string;
  mode: ExamMode;
  endsAt: string | null;
  questionIds: ReadonlySet<string>;
  idKey: string;
}

/** Until accounts exist, every attempt belongs to the one local learner (the first account adopts it). */
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
  /** Questions of an exam due for spaced review now, most urgent first (for review attempts). */
  dueReviews?: ((learner: string, exam: string) => Promise<string[]>) | undefined;
  /** A fresh secret key for an attempt's opaque ids. */
  newIdKey: () => string;
  /** The keyed hash that turns a key into the attempt's opaque ids (HMAC in the app; see opaque-ids.ts). */
  idHash: (key: string) => IdHash;
}

const DRILL_DEFAULT_COUNT = 10;

/** The practice-exam use cases shared by the HTTP API and the CLI. */
export class ExamService {
  constructor(private readonly d: ExamServiceDeps) {}

  /** The opaque ids of one question in the attempt whose id key is `key`. */
  private ids(key: string, q: Question) {
    return questionIds(q, this.d.idHash(key));
  }

  private question(id: string): Question {
    const q = this.d.questions.get(id);
    if (!q) throw new NotFoundError("attempt.question_not_found", `Question "${id}" is not in the bank.`);
    return q;
  }

  /** Starts an attempt: assembles a form from the blueprint and the learner's history. */
  async start(learner: string, req: StartRequest) {
    const now = this.d.now();
    const { blueprint, pool, services } = planStart(this.d.catalog, this.d.bank, req, toIsoDate(now));

    // Questions of an exam still running stay out of new practice and drill forms: their feedback would
    // show the keys. (An exam form shows no key until it is submitted, so it may share them.)
    const locked =
      req.mode === "exam"
        ? new Map<string, string>()
        : await this.d.repo.openExamQuestions(learner, now.toISOString());
    let questionIds: string[] | undefined;
    let leftOut = 0;
    if (req.retakeOf) {
      const earlier = await this.settle(await this.d.repo.get(req.retakeOf), now);
      checkRetake(earlier, learner, blueprint.exam);
      questionIds = earlier.questionIds.filter((q) => !locked.has(q));
      leftOut = earlier.questionIds.length - questionIds.length;
    } else if (req.mode === "review") {
      const due = (await this.d.dueReviews?.(learner, blueprint.exam)) ?? [];
      questionIds = due.filter((q) => !locked.has(q));
      leftOut = due.length - questionIds.length;
      if (questionIds.length === 0)
        throw new DomainError(
          "attempt.no_reviews_due",
          `No question of ${blueprint.exam} is due for review today. Questions you answer wrong come back here when they are due.`,
        );
    } else if (req.mistakes || (req.mode === "drill" && !req.domains?.length && !services?.length)) {
      const wrong = await this.d.repo.lastWrongQuestionIds(learner, blueprint.exam);
      const open = wrong.filter((q) => !locked.has(q));
      leftOut =
        Math.min(wrong.length, req.count ?? DRILL_DEFAULT_COUNT) -
        Math.min(open.length, req.count ?? DRILL_DEFAULT_COUNT);
      questionIds = open.slice(0, req.count ?? DRILL_DEFAULT_COUNT);
      if (wrong.length === 0)
        throw new DomainError(
          "attempt.no_mistakes",
          `You have no wrong answers to drill for ${blueprint.exam} yet. Drill by domain or service instead.`,
          { exam: blueprint.exam },
        );
    }
    if (questionIds?.length === 0)
      throw new ConflictError(
        "attempt.questions_in_open_exam",
        `Every one of these questions is in a ${blueprint.exam} exam you have in progress; finish that exam first.`,
      );
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
      exclude: locked.size > 0 ? new Set(locked.keys()) : undefined,
    });
    if (leftOut > 0)
      form.notice = [
        `${leftOut} question${leftOut === 1 ? " is" : "s are"} left out: ${leftOut === 1 ? "it is" : "they are"} in an exam you have in progress.`,
        form.notice,
      ]
        .filter(Boolean)
        .join(" ");
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
      idKey: this.d.newIdKey(),
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
    const answers = await this.d.repo.answers(id);
    // Feedback of locked practice answers comes back, unless an exam in progress holds the question.
    const withheld: ReadonlySet<string> =
      attempt.mode !== "exam" && answers.some((a) => a.locked)
        ? new Set((await this.d.repo.openExamQuestions(attempt.learner, now.toISOString())).keys())
        : new Set();
    return this.present(attempt, answers, now, withheld);
  }

  private present(
    attempt: Attempt,
    answers: SavedAnswer[],
    now: Date,
    withheld: ReadonlySet<string> = new Set(),
  ) {
    const hash = this.d.idHash(attempt.idKey);
    const ids = new Map(attempt.questionIds.map((qid) => [qid, questionIds(this.question(qid), hash)]));
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
      questions: attempt.questionIds.map((qid) =>
        questionView(this.question(qid), attempt, ids.get(qid) as QuestionIds),
      ),
      answers: Object.fromEntries(
        answers.map((a) => {
          const q = this.d.questions.get(a.questionId);
          const qIds = ids.get(a.questionId);
          const shown = q && qIds ? answerToOpaque(q, qIds, a) : {};
          return [
            a.questionId,
            {
              selected: shown.selected ?? null,
              ...(shown.pairs ? { pairs: shown.pairs } : {}),
              flagged: a.flagged,
              // Practice feedback was given for a locked answer: it comes back after a reload.
              ...(a.locked ? { locked: true } : {}),
              ...(a.locked && q && qIds && !withheld.has(a.questionId)
                ? { feedback: feedback(q, a, qIds) }
                : {}),
            },
          ];
        }),
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
  async answer(
    id: string,
    questionId: string,
    input: Answer & { flagged?: boolean | undefined },
  ): Promise<AnswerResult> {
    const now = this.d.now();
    const facts = await this.facts(id);
    if (isTimeUp(facts, now)) assertOpen(await this.settle(await this.d.repo.get(id), now), now);
    if (!facts.questionIds.has(questionId))
      throw new NotFoundError(
        "attempt.question_not_found",
        `Question "${questionId}" is not part of attempt ${id}.`,
      );
    const q = this.question(questionId);
    const ids = this.ids(facts.idKey, q);
    const hasAnswer = input.selected !== undefined || input.pairs !== undefined;
    // The client speaks the attempt's opaque ids; the store and the scoring speak the bank's.
    if (hasAnswer) {
      input = { ...input, ...answerFromOpaque(q, ids, input) };
      checkAnswer(q, input);
    } else if (input.flagged === undefined)
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
      await this.d.repo.recordHistory(facts.learner, {
        questionId,
        exam: facts.exam,
        correct: isCorrect(q, input),
        at: now.toISOString(),
        attemptId: id,
        mode: facts.mode,
      });
      // No route shows a key while an exam that contains the question is in progress.
      const exam = (await this.d.repo.openExamQuestions(facts.learner, now.toISOString())).get(questionId);
      if (exam) return { saved: true, withheld: withheldNote(exam) };
      return { saved: true, ...feedback(q, input, ids) };
    }
    return { saved: true };
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
      idKey: a.idKey,
    };
    if (this.factsCache.size >= 10_000) this.factsCache.delete(this.factsCache.keys().next().value as string);
    this.factsCache.set(id, facts);
    return facts;
  }

  /**
   * The learner an attempt belongs to, or undefined when no attempt has this id. A cached owner other
   * than `expected` is read again: the first account adopts the local learner's attempts, possibly on
   * another server.
   */
  async ownerOf(id: string, expected?: string): Promise<string | undefined> {
    const cached = this.factsCache.get(id);
    if (cached && cached.learner === expected) return cached.learner;
    const a = await this.d.repo.findOpenState(id);
    if (!a) this.factsCache.delete(id);
    else if (cached) cached.learner = a.learner;
    return a?.learner;
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
    const locked = await this.d.repo.openExamQuestions(attempt.learner, now.toISOString());
    const withheld = attempt.questionIds.filter((q) => locked.has(q));
    return {
      ...this.report(attempt),
      ...(withheld.length > 0
        ? { withheld: withheldNote(locked.get(withheld[0] as string) as string, withheld.length) }
        : {}),
      questions: attempt.questionIds.map((qid) => {
        const q = this.question(qid);
        return reviewView(q, attempt, answers.get(qid), this.ids(attempt.idKey, q), locked.has(qid));
      }),
    };
  }

  /** Exams that have a question bank, with the bank's size next to a full form's. */
  available() {
    return availableExams(this.d.catalog, this.d.bank, toIsoDate(this.d.now()));
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
