import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { packageRoot } from "../content/content-root.js";

// The CLI tests run the built CLI as a user would (`npm test` builds first).
const exec = promisify(execFile);

/** The built CLI entry point; throws when it has not been built. */
export function cliBin(): string {
  const bin = join(packageRoot(), "dist", "cli", "main.js");
  if (!existsSync(bin)) throw new Error("Build the CLI first: npm run build");
  return bin;
}

/** Runs `certpath …` without colours and returns its exit code and output, whether it failed or not. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec("node", [cliBin(), ...args], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Runs `run` with $COLUMNS set, as a terminal of that width would (the CLI wraps to it). */
export async function withColumns<T>(columns: number, run: () => Promise<T>): Promise<T> {
  const before = process.env.COLUMNS;
  process.env.COLUMNS = String(columns);
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.COLUMNS;
    else process.env.COLUMNS = before;
  }
}

/** Runs `certpath …` with `input` on standard input (a pipe, not a terminal) and extra environment. */
export function cliWithInput(
  input: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("node", [cliBin(), ...args], { env: { ...process.env, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}
