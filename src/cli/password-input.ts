import { UsageError } from "./run-action.js";

/** Reads all of standard input (a pipe or a file) as text. */
async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads one line from a terminal without echoing it. */
function hiddenLine(prompt: string, stdin: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    let value = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (result: string | Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (data: string) => {
      for (const ch of data) {
        if (ch === "\r" || ch === "\n") return done(value);
        if (ch === "\u0003") return done(new UsageError("cancelled: no account was changed."));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/**
 * The password for a new account: ONE line from standard input, without a prompt when input is not a
 * terminal (`printf '%s\n' "$PASSWORD" | certpath users add …`); a hidden prompt, asked twice, when it is.
 */
export async function readNewPassword(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stdin.isTTY) {
    const first = await hiddenLine("Password (at least 12 characters): ", stdin);
    const again = await hiddenLine("Same password again: ", stdin);
    if (first !== again) throw new UsageError("the two passwords differ: no account was created. Try again.");
    return first;
  }
  const text = await readAll(stdin);
  const line = text.split(/\r?\n/)[0] ?? "";
  if (line.length === 0)
    throw new UsageError(
      "no password on standard input. Give it as one line, e.g. printf '%s\\n' \"$PASSWORD\" | certpath users add EMAIL --role admin (or run it in a terminal to be asked).",
    );
  return line;
}
