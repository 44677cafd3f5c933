// `npm run bench:web`: the exercise page's server response under 20 concurrent readers (signed in,
// with drafts and history to load), against the production build on a fresh database.
// Prints p50/p95/p99 latency; the target is p95 < 200 ms on this machine. Not a test: a measurement.
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { freshDatabase } from "@/bench/fresh-database";
import { freePort } from "@/test/support/free-port";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PAGE = "/exercises/syscall-echo";

const database = await freshDatabase();
const port = await freePort();
const base = `http://localhost:${port}`;
const server = spawn("node_modules/.bin/next", ["start", "--port", String(port)], {
  env: { ...process.env, NODE_ENV: "production", DATABASE_URL: database.url, BETTER_AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789", OSPREP_URL: base, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ name: "Reader", email: "reader@example.com", password: "a good passphrase" }),
  });
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  for (let i = 0; i < 20; i++) await fetch(`${base}${PAGE}`, { headers: { cookie } }); // warm

  const result = await autocannon({ url: `${base}${PAGE}`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } });
  const { latency, requests, non2xx } = result;
  console.log(`${PAGE}, ${CONNECTIONS} concurrent signed-in readers, ${SECONDS} s: ${requests.total} requests, ${non2xx} non-2xx`);
  console.log(`latency p50 ${latency.p50} ms   p90 ${latency.p90} ms   p97.5 ${latency.p97_5} ms   p99 ${latency.p99} ms   (target: p95 < 200 ms)`);
  console.log(`throughput ${requests.average.toFixed(0)} requests/s`);
} finally {
  await new Promise((resolve) => {
    server.once("exit", resolve);
    server.kill("SIGTERM");
  });
  await database.drop();
}
