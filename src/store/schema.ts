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

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  invitations: InvitationsTable;
  sign_in_attempts: SignInAttemptsTable;
  answer_log: AnswerLogTable;
  plans: PlansTable;
  attempts: AttemptsTable;
  answers: AnswersTable;
  question_history: QuestionHistoryTable;
  certpath_meta: { key: string; value: Generated<string> };
}
