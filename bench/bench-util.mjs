// Shared by the benchmarks: a built server on a free loopback port, keep-alive HTTP, percentiles, /proc figures.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";

export const percentile = (xs, p) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

export function startServer(dbFile, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["dist/cli/main.js", "serve", "--port", "0", "--db", dbFile], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, ...env },
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /serving on (http:\/\/[^\s]+:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on("exit", (c) => reject(new Error(`server exited ${c}`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 2000 });
export function request(url, method, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: data
          ? { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(data) }
          : headers,
      },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode, text }));
      },
    );
    req.on("error", reject);
    if (data) req.write(data);
    req.end();
  });
}

/** CPU seconds the process has used so far (user + system), to tell a busy server from a busy client. */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: +(kb("VmRSS") / 1024).toFixed(1), peakRssMb: +(kb("VmHWM") / 1024).toFixed(1) };
}
