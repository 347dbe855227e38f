import { isServed, type Question } from "../bank/question-types.js";
import { type Blueprint, largestRemainder } from "./blueprint.js";
import { createRng, type Rng, sample, shuffled } from "./rng.js";

/** The questions of one exam, grouped by domain; built once per bank so assembly never scans the whole bank. */
export type ExamPool = ReadonlyMap<string, readonly Question[]>;

/** Groups a bank into pools per exam and domain; drafts stay out (they are never served). */
export function indexBank(questions: readonly Question[]): Map<string, Map<string, Question[]>> {
  const index = new Map<string, Map<string, Question[]>>();
  for (const q of questions) {
    if (!isServed(q)) continue;
    const byDomain = index.get(q.exam) ?? new Map<string, Question[]>();
    index.set(q.exam, byDomain);
    const list = byDomain.get(q.domain) ?? [];
    byDomain.set(q.domain, list);
    list.push(q);
  }
  return index;
}

export interface FormRequest {
  blueprint: Blueprint;
  pool: ExamPool;
  seed: string;
  /** How many questions; default the blueprint's count. */
  count?: number | undefined;
  /** Only these domains (drills). */
  domains?: readonly string[] | undefined;
  /** Only questions touching one of these services (drills). */
  services?: readonly string[] | undefined;
  /** Exactly these questions (a retake, or a drill of past mistakes), freshly shuffled. */
  questionIds?: readonly string[] | undefined;
  /** Questions the learner has already seen: used only when there are not enough new ones. */
  seen?: ReadonlySet<string> | undefined;
  /** Questions that must not be drawn (those of an exam still in progress, for a practice form). */
  exclude?: ReadonlySet<string> | undefined;
}

export interface Form {
  questionIds: string[];
  /** Per question, the order in which its options (or ordering items) are shown. */
  optionOrder: Record<string, string[]>;
  /** Per matching question, the order of its prompts. */
  promptOrder: Record<string, string[]>;
  domainCounts: Record<string, number>;
  /** Set when the form differs from what was asked (short bank, repeated questions). */
  notice?: string;
}

/** Picks `k` questions from a domain pool, new ones first, without scanning the pool when few are excluded. */
function pick(
  pool: readonly Question[],
  k: number,
  seen: ReadonlySet<string>,
  rng: Rng,
): { chosen: Question[]; repeats: number } {
  if (k <= 0) return { chosen: [], repeats: 0 };
  if (seen.size === 0) return { chosen: sample(pool, k, rng), repeats: 0 };
  const chosen: Question[] = [];
  const taken = new Set<number>();
  // Rejection sampling is O(k) while most of the pool is new; fall back to a filter otherwise.
  for (let tries = 0; chosen.length < k && tries < k * 8 && taken.size < pool.length; tries++) {
    const i = rng.int(pool.length);
    if (taken.has(i)) continue;
    taken.add(i);
    const q = pool[i] as Question;
    if (!seen.has(q.id)) chosen.push(q);
  }
  if (chosen.length < k) {
    const have = new Set(chosen.map((q) => q.id));
    const fresh = pool.filter((q) => !seen.has(q.id) && !have.has(q.id));
    chosen.push(...sample(fresh, k - chosen.length, rng));
  }
  let repeats = 0;
  if (chosen.length < k) {
    const old = pool.filter((q) => seen.has(q.id));
    const extra = sample(old, k - chosen.length, rng);
    repeats = extra.length;
    chosen.push(...extra);
  }
  return { chosen, repeats };
}

/** Assembles a form: per-domain counts by weight (largest remainder), seeded choice, shuffled options. */
export function assembleForm(req: FormRequest): Form {
  const rng = createRng(req.seed);
  const seen = req.seen ?? new Set<string>();
  const notices: string[] = [];
  let chosen: Question[] = [];
  const domainCounts: Record<string, number> = {};

  if (req.questionIds) {
    const byId = new Map<string, Question>();
    for (const list of req.pool.values()) for (const q of list) byId.set(q.id, q);
    chosen = req.questionIds.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
    if (chosen.length < req.questionIds.length)
      notices.push(
        `${req.questionIds.length - chosen.length} of the questions are no longer in the bank and were left out.`,
      );
    for (const q of chosen) domainCounts[q.domain] = (domainCounts[q.domain] ?? 0) + 1;
  } else {
    const wanted = req.count ?? req.blueprint.questionCount;
    const domains = req.blueprint.domains.filter((d) => !req.domains || req.domains.includes(d.id));
    const quotas = largestRemainder(wanted, domains);
    const exclude = req.exclude;
    const usable = (q: Question) =>
      !exclude?.has(q.id) && (!req.services?.length || q.services.some((s) => req.services?.includes(s)));
    // Case studies first: whole sets only, each question counting toward its own domain's quota.
    for (const set of caseStudySets(req, domains, quotas, wanted, seen, rng)) {
      for (const q of set) {
        quotas.set(q.domain, (quotas.get(q.domain) ?? 0) - 1);
        domainCounts[q.domain] = (domainCounts[q.domain] ?? 0) + 1;
      }
      chosen.push(...set);
    }
    let repeats = 0;
    const short: string[] = [];
    for (const d of domains) {
      const pool = (req.pool.get(d.id) ?? []).filter((q) => !q.caseStudy && usable(q));
      const quota = quotas.get(d.id) ?? 0;
      const got = pick(pool, quota, seen, rng);
      repeats += got.repeats;
      if (got.chosen.length < quota) short.push(`domain ${d.id} ${got.chosen.length} of ${quota}`);
      domainCounts[d.id] = (domainCounts[d.id] ?? 0) + got.chosen.length;
      chosen.push(...got.chosen);
    }
    includeEveryType(req, chosen, usable, seen, rng);
    if (short.length > 0)
      notices.push(
        `The question bank is too small for a full form (${short.join(", ")}), so this form has ${chosen.length} questions instead of ${wanted}.`,
      );
    if (repeats > 0)
      notices.push(
        `${repeats} question${repeats === 1 ? " repeats one" : "s repeat ones"} you have already seen: there were not enough new ones.`,
      );
  }

  const ordered = keepCaseStudiesTogether(shuffled(chosen, rng));
  const optionOrder: Record<string, string[]> = {};
  const promptOrder: Record<string, string[]> = {};
  for (const q of ordered) {
    if (q.type === "ordering")
      optionOrder[q.id] = shuffledNotIdentity(
        q.items.map((i) => i.id),
        rng,
      );
    else
      optionOrder[q.id] = shuffled(
        q.options.map((o) => o.id),
        rng,
      );
    if (q.type === "matching")
      promptOrder[q.id] = shuffled(
        q.prompts.map((p) => p.id),
        rng,
      );
  }
  const form: Form = { questionIds: ordered.map((q) => q.id), optionOrder, promptOrder, domainCounts };
  if (notices.length > 0) form.notice = notices.join(" ");
  return form;
}

// Showing ordering items already in the right order would give the answer away.
function shuffledNotIdentity(ids: string[], rng: Rng): string[] {
  for (let i = 0; i < 5; i++) {
    const s = shuffled(ids, rng);
    if (s.some((id, j) => id !== ids[j])) return s;
  }
  return [...ids.slice(1), ...ids.slice(0, 1)];
}

/** At most this share of a form comes from case studies, so that a form still samples the whole bank. */
const CASE_STUDY_SHARE = 0.3;

/**
 * The case-study sets a form takes: unseen sets (seeded order) whose questions all fit the remaining
 * per-domain quotas and the request's filters, up to CASE_STUDY_SHARE of the form and half the bank's sets; when none of the unseen
 * sets fits, one set already seen (so that an exam with case studies always shows one).
 */
function caseStudySets(
  req: FormRequest,
  domains: readonly { id: string }[],
  quotas: ReadonlyMap<string, number>,
  wanted: number,
  seen: ReadonlySet<string>,
  rng: Rng,
): Question[][] {
  if (req.services?.length) return [];
  const allowed = new Set(domains.map((d) => d.id));
  const sets = new Map<string, Question[]>();
  for (const list of req.pool.values())
    for (const q of list) if (q.caseStudy) sets.set(q.caseStudy.id, [...(sets.get(q.caseStudy.id) ?? []), q]);
  const left = new Map(quotas);
  let budget = Math.floor(wanted * CASE_STUDY_SHARE);
  const out: Question[][] = [];
  // Unseen sets first; sets already seen only when no unseen one fits (a case-study exam keeps showing one).
  const all = shuffled([...sets.values()], rng);
  const isSeen = (set: Question[]) => set.some((q) => seen.has(q.id));
  const unseen = all.filter((set) => !isSeen(set));
  // At most half the bank's sets per form (at least one), so that two forms can each show fresh ones.
  const maxSets = Math.max(1, Math.floor(all.length / 2));
  for (const set of [...unseen, ...all.filter(isSeen)]) {
    if (out.length >= maxSets) break;
    if (set.length > budget) continue;
    if (isSeen(set) && out.length > 0) break;
    if (set.some((q) => !allowed.has(q.domain) || req.exclude?.has(q.id))) continue;
    const need = new Map<string, number>();
    for (const q of set) need.set(q.domain, (need.get(q.domain) ?? 0) + 1);
    if ([...need].some(([d, n]) => n > (left.get(d) ?? 0))) continue;
    for (const [d, n] of need) left.set(d, (left.get(d) ?? 0) - n);
    budget -= set.length;
    out.push(set);
  }
  return out;
}

/** Moves every question of a case study next to the first one drawn, in question-id order (the set's own order). */
function keepCaseStudiesTogether(questions: Question[]): Question[] {
  const out: Question[] = [];
  const placed = new Set<string>();
  for (const q of questions) {
    const id = q.caseStudy?.id;
    if (id === undefined) {
      out.push(q);
      continue;
    }
    if (placed.has(id)) continue;
    placed.add(id);
    out.push(...questions.filter((x) => x.caseStudy?.id === id).sort((a, b) => a.id.localeCompare(b.id)));
  }
  return out;
}

/**
 * A form shows every question type the exam uses (as the real exam does): when the draw holds no
 * ordering (or matching) question although the exam uses the type and the bank has one in a drawn domain,
 * one multiple-choice question of that domain is swapped for one of that type (an unseen one first).
 */
function includeEveryType(
  req: FormRequest,
  chosen: Question[],
  usable: (q: Question) => boolean,
  seen: ReadonlySet<string>,
  rng: Rng,
): void {
  for (const type of ["ordering", "matching"] as const) {
    if (!req.blueprint.questionTypes.includes(type) || chosen.some((q) => q.type === type)) continue;
    const taken = new Set(chosen.map((q) => q.id));
    const candidates = shuffled(
      [...req.pool.values()]
        .flat()
        .filter((q) => q.type === type && !q.caseStudy && !taken.has(q.id) && usable(q)),
      rng,
    ).sort((a, b) => Number(seen.has(a.id)) - Number(seen.has(b.id)));
    for (const c of candidates) {
      const i = chosen.findIndex(
        (q) => q.domain === c.domain && q.type === "multiple-choice" && !q.caseStudy,
      );
      if (i < 0) continue;
      chosen[i] = c;
      break;
    }
  }
}
