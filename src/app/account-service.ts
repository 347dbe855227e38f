import { createHash, randomBytes } from "node:crypto";
import {
  ConflictError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from "../core/errors.js";
import type { AccountRepository, StoredUser } from "../store/account-repository.js";
import { checkPasswordStrength, decoyHash, hashPassword, verifyPassword } from "./password-hash.js";
import { type Actor, authorize, localActor, type UserRole } from "./policy.js";

/** A session lasts 30 days after the last activity. */
export const SESSION_DAYS = 30;
/** Activity is recorded at most every 5 minutes (a write per request would cost every answer save). */
const TOUCH_MS = 5 * 60_000;
/** Invitation links work for 7 days. */
export const INVITATION_DAYS = 7;

/** Sign-in limits: failures per 15-minute window before a 15-minute lock, per email and per client address. */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60_000, lockMs: 15 * 60_000, perEmail: 5, perAddress: 20 };

const DAY_MS = 86_400_000;
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** The SHA-256 of a token, as stored (a token is never stored). */
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

/** Lower-cases and checks an email address (400 `account.invalid_email`). */
export function normalizeEmail(email: string, field = "email"): string {
  const e = email.trim().toLowerCase();
  if (e.length > 254 || !EMAIL.test(e))
    throw new ValidationError("account.invalid_email", `"${email.slice(0, 80)}" is not an email address.`, {
      field,
    });
  return e;
}

export interface AccountServiceDeps {
  repo: AccountRepository;
  now: () => Date;
  newId: () => string;
}

/** Accounts, sessions, sign-in limits and invitations, shared by the HTTP API and the CLI. */
export class AccountService {
  constructor(private readonly d: AccountServiceDeps) {}

  private iso(offsetMs = 0) {
    return new Date(this.d.now().getTime() + offsetMs).toISOString();
  }

  /** Single-user mode (no account) or multi-user mode. */
  async mode(): Promise<Actor["mode"]> {
    return (await this.d.repo.hasUsers()) ? "multi-user" : "single-user";
  }

  private async actorOf(user: StoredUser): Promise<Actor> {
    return {
      userId: user.id,
      learner: user.id,
      email: user.email,
      role: user.role,
      teams: await this.d.repo.teamsOf(user.id),
      mode: "multi-user",
    };
  }

  /**
   * Who a request acts for: the session's user; the local learner when no account exists (unless
   * `allowLocal` is false: a server reachable from the network); undefined (anonymous) otherwise.
   */
  async resolve(
    token: string | undefined,
    options: { allowLocal?: boolean } = {},
  ): Promise<Actor | undefined> {
    if (token && token.length <= 128) {
      const hash = tokenHash(token);
      const now = this.d.now();
      const found = await this.d.repo.findSession(hash, now.toISOString());
      if (found) {
        if (now.getTime() - Date.parse(found.session.lastSeenAt) >= TOUCH_MS)
          await this.d.repo.touchSession(hash, now.toISOString(), this.iso(SESSION_DAYS * DAY_MS));
        return this.actorOf(found.user);
      }
    }
    if (options.allowLocal === false) return undefined;
    return (await this.d.repo.hasUsers()) ? undefined : localActor();
  }

  /**
   * Who a CLI command acts for: the local learner without accounts; with accounts the account named
   * by `email`, or the only account when there is one.
   */
  async cliActor(email: string | undefined): Promise<Actor> {
    const users = await this.d.repo.listUsers();
    if (users.length === 0) {
      if (email)
        throw new ConflictError(
          "account.no_accounts",
          `This database has no accounts, so --as ${email} means nothing here: leave it out.`,
        );
      return localActor();
    }
    const wanted = email ? normalizeEmail(email, "as") : undefined;
    const user = wanted ? users.find((u) => u.email === wanted) : users.length === 1 ? users[0] : undefined;
    if (!user)
      throw wanted
        ? new NotFoundError(
            "account.not_found",
            `There is no account for ${wanted}. See certpath users list.`,
          )
        : new ConflictError(
            "account.which",
            `This database has ${users.length} accounts: say which account to act as with --as EMAIL (or CERTPATH_USER). See certpath users list.`,
          );
    return { ...(await this.actorOf(user)), teams: user.teams };
  }

  /**
   * Signs in: a new session token (the cookie's value) or 401 `session.invalid_credentials`; 429
   * `session.rate_limited` after too many failures for the email or the client address.
   */
  async signIn(emailInput: string, password: string, address: string) {
    const now = this.iso();
    const email = emailInput.trim().toLowerCase().slice(0, 320);
    const keys = [`email:${email}`, `ip:${address}`];
    const locks = await Promise.all(keys.map((k) => this.d.repo.limits.lockedUntil(k, now)));
    const until = locks
      .filter((x): x is string => x !== undefined)
      .sort()
      .at(-1);
    if (until) throw rateLimited(until, this.d.now());
    const user = await this.d.repo.findUserByEmail(email);
    // An unknown email costs the same hash as a wrong password: timing tells nothing.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !ok) {
      const windowStart = this.iso(-SIGN_IN_LIMITS.windowMs);
      const lockUntil = this.iso(SIGN_IN_LIMITS.lockMs);
      await this.d.repo.limits.recordFailure(
        keys[0] as string,
        now,
        windowStart,
        SIGN_IN_LIMITS.perEmail,
        lockUntil,
      );
      await this.d.repo.limits.recordFailure(
        keys[1] as string,
        now,
        windowStart,
        SIGN_IN_LIMITS.perAddress,
        lockUntil,
      );
      throw new UnauthorizedError("session.invalid_credentials", "The email or the password is wrong.");
    }
    await this.d.repo.limits.clearFailures(keys[0] as string);
    // Housekeeping on the rare path: expired sessions and old failure counters go.
    await this.d.repo.deleteExpiredSessions(now);
    await this.d.repo.limits.deleteStaleFailures(this.iso(-SIGN_IN_LIMITS.windowMs), now);
    return this.newSession(user.id);
  }

  private async newSession(userId: string) {
    const token = newToken();
    const expiresAt = this.iso(SESSION_DAYS * DAY_MS);
    await this.d.repo.createSession(tokenHash(token), userId, this.iso(), expiresAt);
    return { token, expiresAt };
  }

  /** Signs this session out (every server sees it at once: the row is gone). */
  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.d.repo.deleteSession(tokenHash(token));
  }

  /** Signs the actor out of every session. */
  async signOutEverywhere(actor: Actor): Promise<void> {
    if (actor.mode === "multi-user") await this.d.repo.deleteSessionsOf(actor.userId);
  }

  /** What GET /api/me shows. */
  me(actor: Actor) {
    return { email: actor.email, role: actor.role, teams: actor.teams, mode: actor.mode };
  }

  /** Changes the password (the current one is checked) and signs out every other session. */
  async changePassword(actor: Actor, current: string, next: string, token: string | undefined) {
    authorize(actor, "account.update");
    if (actor.mode === "single-user")
      throw new ConflictError(
        "account.no_accounts",
        "There are no accounts on this server, so there is no password to change. Create one with certpath users add EMAIL --role admin.",
      );
    const user = await this.d.repo.findUserById(actor.userId);
    if (!user || !(await verifyPassword(current, user.passwordHash)))
      throw new UnauthorizedError("account.wrong_password", "The current password is wrong.");
    checkPasswordStrength(next, "newPassword");
    await this.d.repo.changePassword(
      user.id,
      await hashPassword(next),
      this.iso(),
      token ? tokenHash(token) : undefined,
    );
  }

  /**
   * Creates an account (CLI `users add`): the team is created when missing, a lead added with a team
   * leads it. The first account adopts the local learner's records.
   */
  async addUser(actor: Actor, input: { email: string; role: UserRole; password: string; team?: string }) {
    authorize(actor, "user.manage");
    const email = normalizeEmail(input.email);
    checkPasswordStrength(input.password);
    const team = input.team?.trim();
    if (input.team !== undefined && (!team || team.length > 200))
      throw new ValidationError("account.invalid_team", "The team name must be 1 to 200 characters.", {
        field: "team",
      });
    if (await this.d.repo.findUserByEmail(email))
      throw new ConflictError(
        "account.exists",
        `There is already an account for ${email}. See certpath users list; to start over, certpath users remove ${email}.`,
      );
    const created = await this.d.repo.createUser(
      {
        id: this.d.newId(),
        email,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        now: this.iso(),
      },
      team
        ? { newId: this.d.newId(), name: team, role: input.role === "lead" ? "lead" : "member" }
        : undefined,
    );
    return { email, role: input.role, team: team ?? null, ...created };
  }

  async listUsers(actor: Actor) {
    authorize(actor, "user.manage");
    return this.d.repo.listUsers();
  }

  async removeUser(actor: Actor, emailInput: string) {
    authorize(actor, "user.manage");
    const email = normalizeEmail(emailInput);
    const user = await this.d.repo.findUserByEmail(email);
    if (!user || !(await this.d.repo.removeUser(user.id)))
      throw new NotFoundError(
        "account.not_found",
        `There is no account for ${email}. See certpath users list.`,
      );
    return { email };
  }

  /** An invitation link for an email, a role and optionally a team (admins: any; leads: learners into their teams). */
  async invite(actor: Actor, input: { email: string; role: UserRole; teamId?: string | undefined }) {
    if (actor.mode === "single-user")
      throw new ConflictError(
        "invitation.no_accounts",
        "Invitations need accounts: create the first admin with certpath users add EMAIL --role admin.",
      );
    const teamId = input.teamId ?? null;
    authorize(actor, "invitation.create", { role: input.role, teamId });
    const email = normalizeEmail(input.email);
    if (teamId && !(await this.d.repo.findTeam(teamId)))
      throw new NotFoundError("team.not_found", `No team has the id "${teamId}".`);
    if (await this.d.repo.findUserByEmail(email))
      throw new ConflictError(
        "account.exists",
        `There is already an account for ${email}: nobody needs to invite it.`,
      );
    const token = newToken();
    const expiresAt = this.iso(INVITATION_DAYS * DAY_MS);
    await this.d.repo.invitations.createInvitation({
      tokenHash: tokenHash(token),
      email,
      role: input.role,
      teamId,
      invitedBy: actor.userId,
      now: this.iso(),
      expiresAt,
    });
    return { url: `/invite/${token}`, expiresAt };
  }

  private async openInvitation(token: string) {
    const inv =
      token.length <= 128 ? await this.d.repo.invitations.findInvitation(tokenHash(token)) : undefined;
    if (!inv || inv.acceptedAt !== null || inv.expiresAt <= this.iso())
      throw new NotFoundError(
        "invitation.not_found",
        "This invitation link is unknown, has expired or was already used. Ask for a new one.",
      );
    return inv;
  }

  /** What an invitation link offers, and who sent it (their email; null once that account is gone). */
  async lookupInvitation(token: string) {
    const inv = await this.openInvitation(token);
    const inviter = await this.d.repo.findUserById(inv.invitedBy);
    return {
      email: inv.email,
      role: inv.role,
      team: inv.teamId ? { id: inv.teamId, name: inv.teamName ?? "" } : null,
      invitedBy: inviter?.email ?? null,
    };
  }

  /** Accepts an invitation with a password: creates the account and signs it in. */
  async acceptInvitation(token: string, password: string) {
    const inv = await this.openInvitation(token);
    checkPasswordStrength(password);
    if (await this.d.repo.findUserByEmail(inv.email))
      throw new ConflictError(
        "account.exists",
        `There is already an account for ${inv.email}. Sign in instead.`,
      );
    const id = this.d.newId();
    const ok = await this.d.repo.invitations.acceptInvitation(
      tokenHash(token),
      { id, email: inv.email, passwordHash: await hashPassword(password), role: inv.role, now: this.iso() },
      inv.teamId,
    );
    if (!ok)
      throw new NotFoundError(
        "invitation.not_found",
        "This invitation link was already used. Ask for a new one.",
      );
    return this.newSession(id);
  }
}

function rateLimited(until: string, now: Date): RateLimitedError {
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new RateLimitedError(
    "session.rate_limited",
    `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    seconds,
  );
}
