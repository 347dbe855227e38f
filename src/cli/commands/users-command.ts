import { randomUUID } from "node:crypto";
import { AccountService } from "../../app/account-service.js";
import { localActor, USER_ROLES, type UserRole } from "../../app/policy.js";
import { AccountRepository } from "../../store/account-repository.js";
import { openStore, type Store } from "../../store/database.js";
import { readNewPassword } from "../password-input.js";
import { UsageError } from "../run-action.js";
import { terminalSafe } from "../safe-text.js";
import { printJson, style, table, terminalWidth, wrap } from "../terminal.js";

// Whoever can open the database runs these commands: the CLI acts as the operator (an admin), and the
// policy still decides (user.manage).
const operator = localActor();

async function withAccounts<T>(
  db: string | undefined,
  readOnly: boolean,
  run: (accounts: AccountService, store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(db, { readOnly });
  try {
    const accounts = new AccountService({
      repo: new AccountRepository(store.db),
      now: () => new Date(),
      newId: () => randomUUID(),
    });
    return await run(accounts, store);
  } finally {
    await store.close();
  }
}

function parseRole(role: string | undefined): UserRole {
  if (role === undefined)
    throw new UsageError(`--role is required: one of ${USER_ROLES.join(", ")} (e.g. --role admin).`);
  if (!(USER_ROLES as readonly string[]).includes(role))
    throw new UsageError(`--role "${role}" is not a role: use one of ${USER_ROLES.join(", ")}.`);
  return role as UserRole;
}

/** `certpath users add EMAIL --role … [--team NAME] [--db …]`: the password is one line of standard input. */
export async function usersAddCommand(email: string, opts: { role?: string; team?: string; db?: string }) {
  const role = parseRole(opts.role);
  if (opts.team !== undefined && opts.team.trim() === "")
    throw new UsageError('--team needs a name, e.g. --team "Platform".');
  const password = await readNewPassword();
  const out = await withAccounts(opts.db, false, async (accounts, store) => ({
    ...(await accounts.addUser(operator, { email, role, password, team: opts.team })),
    location: store.location,
  }));
  const teamNote = out.team
    ? ` in team "${terminalSafe(out.team)}"${role === "lead" ? ", which they lead" : ""}`
    : "";
  const lines = [`Added ${out.email} as ${role}${teamNote}.`];
  if (out.first)
    lines.push(
      `This is the first account: the server now asks everyone to sign in.${out.adopted > 0 ? ` The ${out.adopted} records made before accounts existed now belong to ${out.email}.` : ""} To serve your network:`,
    );
  const columns = terminalWidth();
  console.log(lines.map((l) => wrap(l, columns)).join("\n"));
  if (out.first)
    console.log(`  certpath serve --host 0.0.0.0${opts.db ? ` --db ${terminalSafe(opts.db)}` : ""}`);
  console.log(style.dim(wrap(`Database: ${terminalSafe(out.location)}`, columns)));
}

/** `certpath users list`: every account with its role and teams. */
export async function usersListCommand(opts: { json?: boolean; db?: string }) {
  const users = await withAccounts(opts.db, true, (accounts) => accounts.listUsers(operator));
  if (opts.json)
    return printJson({
      users: users.map((u) => ({ email: u.email, role: u.role, teams: u.teams, createdAt: u.createdAt })),
    });
  if (users.length === 0) {
    console.log(
      wrap(
        "No accounts: this database is in single-user mode (no sign-in, loopback only). Add the first admin with: certpath users add EMAIL --role admin",
        terminalWidth(),
      ),
    );
    return;
  }
  const rows = users.map((u) => [
    terminalSafe(u.email),
    u.role,
    u.teams.map((t) => terminalSafe(t.role === "lead" ? `${t.name} (lead)` : t.name)).join(", "),
    u.createdAt.slice(0, 10),
  ]);
  console.log(table(["Email", "Role", "Teams", "Created"], rows));
}

/** `certpath users remove EMAIL`: the account, its sessions and memberships go; its records stay. */
export async function usersRemoveCommand(email: string, opts: { db?: string }) {
  const out = await withAccounts(opts.db, true, (accounts) => accounts.removeUser(operator, email));
  console.log(
    wrap(
      `Removed ${terminalSafe(out.email)}: signed out everywhere and out of every team. Their attempts and plans stay in the database.`,
      terminalWidth(),
    ),
  );
}
