import { ContentError } from "../content/content-error.js";
import { DomainError } from "../core/errors.js";
import { terminalSafe } from "./safe-text.js";

/** Exit codes: 1 a check found problems (lint, broken content), 2 the command was used wrongly. */
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A CLI mistake with a message that says what to do. */
export class UsageError extends Error {}

/** Runs a command and turns every expected failure into a message on stderr and an exit code: never a stack trace. */
export async function runAction(action: () => Promise<unknown>): Promise<void> {
  try {
    const code = await action();
    if (typeof code === "number") process.exitCode = code;
  } catch (e) {
    if (e instanceof UsageError || e instanceof DomainError) {
      // On the command line a refusal by role has one remedy: act as an account that has the role.
      const next =
        e instanceof DomainError && e.code === "auth.forbidden"
          ? " If another account may, act as it with --as EMAIL (certpath users list shows the roles)."
          : "";
      process.stderr.write(`certpath: ${terminalSafe(e.message)}${next}\n`);
      process.exitCode = EXIT_USAGE;
    } else if (e instanceof ContentError) {
      process.stderr.write(`certpath: the content files have problems:\n${terminalSafe(e.message)}\n`);
      process.exitCode = EXIT_PROBLEMS;
    } else {
      const message = terminalSafe(e instanceof Error ? e.message : String(e));
      process.stderr.write(
        `certpath: unexpected error: ${message}\nPlease report it with the command you ran.\n`,
      );
      if (process.env.CERTPATH_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.exitCode = 70;
    }
  }
}
