import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createContext, openExamContext } from "../../compose.js";
import { packageRoot } from "../../content/content-root.js";
import { createApp } from "../../server/app.js";
import { defaultAllowedHosts } from "../../server/security.js";
import { UsageError } from "../run-action.js";
import { terminalSafe } from "../safe-text.js";

/** Whether a bind address is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i.test(host);
}

export async function serveCommand(opts: {
  port?: string;
  host?: string;
  db?: string;
  allowedHost?: string[];
}) {
  const portText = opts.port ?? process.env.PORT ?? "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port "${portText}" is not a port number: use 1–65535 (or 0 for any free port).`);
  const host = opts.host ?? process.env.HOST ?? "127.0.0.1";
  const extraHosts = [...(opts.allowedHost ?? []), process.env.CERTPATH_ALLOWED_HOSTS ?? ""]
    .flatMap((h) => h.split(","))
    .map((h) => h.trim())
    .filter(Boolean);
  for (const h of extraHosts)
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+|[0-9a-f:]+)(:\d+)?$/i.test(h))
      throw new UsageError(
        `--allowed-host "${h}" is not a host name: give names like certpath.example.org or 10.0.0.5, comma-separated.`,
      );
  const ctx = await createContext();
  const exam = await openExamContext(ctx, { databaseUrl: opts.db });
  const loopback = isLoopback(host);
  // Exposing the server to a network requires accounts: without them anyone who reaches it is the learner.
  if (!loopback && (await exam.accounts.mode()) === "single-user") {
    await exam.close();
    throw new UsageError(
      `refusing to serve on ${host}: it is reachable from the network and this database has no accounts, so anyone could use it as you. Create an admin first, then start again (or serve on 127.0.0.1):\n  certpath users add EMAIL --role admin${opts.db ? ` --db ${opts.db}` : ""}`,
    );
  }
  const app = createApp(ctx, {
    webRoot: join(packageRoot(), "dist", "web"),
    exam,
    allowedHosts: defaultAllowedHosts(host, extraHosts),
    requireAccounts: !loopback,
    trustProxy: process.env.CERTPATH_TRUST_PROXY === "1",
  });
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const shown = terminalSafe(host.includes(":") ? `[${host}]` : host);
    console.log(
      `certpath is serving on http://${shown}:${info.port} (API at /api, OpenAPI at /api/openapi.json)`,
    );
    console.log(`certpath: attempts are stored in ${terminalSafe(exam.location)}`);
    if (extraHosts.length > 0)
      console.log(`certpath: also answering for ${extraHosts.map(terminalSafe).join(", ")}`);
    if (!loopback)
      console.log(
        `certpath: ${shown} is reachable from the network; everyone signs in (certpath users list shows the accounts).`,
      );
  });
  server.on("error", (e: NodeJS.ErrnoException) => {
    const why =
      e.code === "EADDRINUSE" ? `port ${port} is already in use: pick another with --port` : e.message;
    console.error(`certpath: cannot listen on ${terminalSafe(host)}:${port}: ${terminalSafe(why)}`);
    process.exit(2);
  });
  const stop = () => server.close(() => void exam.close().finally(() => process.exit(0)));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
