import type { Generated } from "kysely";

// One schema for every dialect: instants as ISO text, booleans as 0/1, JSON as text.
export interface AttemptsTable {
  id: string;
  learner: string;
  exam: string;
  mode: string;
  status: string;
  seed: string;
  /** The key of the attempt's opaque ids; null for attempts made before opaque ids existed. */
  id_key: string | null;
  started_at: string;
  ends_at: string | null;
  submitted_at: string | null;
  question_ids: string;
  option_order: string;
  prompt_order: string;
  notice: string | null;
  retake_of: string | null;
  result: string | null;
}

export interface AnswersTable {
  attempt_id: string;
  question_id: string;
  selected: string | null;
  pairs: string | null;
  flagged: number;
  /** 1 once a practice answer was complete and got feedback: it no longer changes. */
  locked: Generated<number>;
  updated_at: string;
  /** When the question first got an answer in this attempt (not a flag alone): time to answer comes from it. */
  first_answered_at: Generated<string | null>;
}

export interface QuestionHistoryTable {
  learner: string;
  question_id: string;
  exam: string;
  times_seen: number;
  times_correct: number;
  last_correct: number;
  last_answered_at: string;
}

export interface AnswerLogTable {
  attempt_id: string;
  question_id: string;
  learner: string;
  exam: string;
  mode: string;
  correct: number;
  answered_at: string;
}

export interface PlansTable {
  id: string;
  learner: string;
  exams: string;
  target_date: string;
  request: string;
  plan: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A learner's report about a question, made from the review of a submitted attempt, and its resolution. */
export interface ItemReportsTable {
  id: string;
  question_id: string;
  exam: string;
  learner: string;
  attempt_id: string;
  kind: string;
  note: string;
  /** "wrong key" reports may name the options the learner believes are right: a JSON array of bank ids. */
  suggested: string | null;
  created_at: string;
  status: string;
  resolution: string | null;
  verified_on: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

export type { TeamRole, UserRole } from "../app/policy.js";

export interface UsersTable {
  /** Opaque random id; also the user's learner id on every record. */
  id: string;
  /** Lower-cased. */
  email: string;
  /** PHC-style scrypt string (password-hash.ts); never the password. */
  password_hash: string;
  role: string;
  created_at: string;
  password_changed_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the random token the cookie carries: a stolen database holds no usable session. */
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  /** JSON array of service slugs. */
  stack: Generated<string>;
  created_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  role: string;
}

export interface InvitationsTable {
  token_hash: string;
  email: string;
  role: string;
  team_id: string | null;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

/** Sign-in failures per key ("email:<email>", "ip:<address>"): the rate limit every server shares. */
export interface SignInAttemptsTable {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

/** An exam (`exam`) or an advisor path (`path`, JSON list of codes) assigned to a team or one member. */
export interface AssignmentsTable {
  id: string;
  team_id: string;
  /** null: the whole team. */
  user_id: string | null;
  exam: string | null;
  path: string | null;
  target_date: string;
  assigned_by: string;
  created_at: string;
}

export interface Database {
  assignments: AssignmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  invitations: InvitationsTable;
  sign_in_attempts: SignInAttemptsTable;
  item_reports: ItemReportsTable;
  answer_log: AnswerLogTable;
  plans: PlansTable;
  attempts: AttemptsTable;
  answers: AnswersTable;
  question_history: QuestionHistoryTable;
  certpath_meta: { key: string; value: Generated<string> };
}
