import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createContext, openExamContext } from "../../compose.js";
import { packageRoot } from "../../content/content-root.js";
import { createApp } from "../../server/app.js";
import { UsageError } from "../run-action.js";

export async function serveCommand(opts: { port?: string; host?: string; db?: string }) {
  const portText = opts.port ?? process.env.PORT ?? "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port "${portText}" is not a port number: use 1–65535 (or 0 for any free port).`);
  const host = opts.host ?? process.env.HOST ?? "127.0.0.1";
  const ctx = await createContext();
  const exam = await openExamContext(ctx, { databaseUrl: opts.db });
  const app = createApp(ctx, {
    webRoot: join(packageRoot(), "dist", "web"),
    exam,
  });
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const shown = host.includes(":") ? `[${host}]` : host;
    console.log(
      `certpath is serving on http://${shown}:${info.port} (API at /api, OpenAPI at /api/openapi.json)`,
    );
    console.log(`certpath: attempts are stored in ${exam.location}`);
    if (!/^(127\.|localhost$|::1$)/.test(host))
      console.warn(
        `certpath: warning: ${host} is reachable from the network. certpath has no accounts yet; keep it on a trusted network.`,
      );
  });
  server.on("error", (e: NodeJS.ErrnoException) => {
    const why =
      e.code === "EADDRINUSE" ? `port ${port} is already in use: pick another with --port` : e.message;
    console.error(`certpath: cannot listen on ${host}:${port}: ${why}`);
    process.exit(2);
  });
  const stop = () => server.close(() => void exam.close().finally(() => process.exit(0)));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
