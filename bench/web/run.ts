// `npm run bench:web`: the exercise page's server response under 20 concurrent readers (signed in,
// with drafts and history to load), against the production build on a fresh database.
// Prints p50/p95/p99 latency; the target is p95 < 200 ms on this machine. Not a test: a measurement.
// BENCH_PAGE picks another page (default: Banker's algorithm, the longest statement).
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { freshDatabase } from "@/bench/fresh-database";
import { freePort } from "@/test/support/free-port";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PAGE = process.env.BENCH_PAGE ?? "/exercises/bankers-algorithm";

const database = await freshDatabase();
const port = await freePort();
const base = `http://localhost:${port}`;
// BENCH_PROFILE_DIR: write a CPU profile of the server there (node --cpu-prof), to see where a request's time goes.
const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
const server = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "--port", String(port)], {
  env: { ...process.env, NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? "", NODE_ENV: "production", DATABASE_URL: database.url, BETTER_AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789", OSPREP_URL: base, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" },
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
  let bytes = 0;
  for (let i = 0; i < 20; i++) bytes = (await (await fetch(`${base}${PAGE}`, { headers: { cookie } })).arrayBuffer()).byteLength; // warm
  const started = performance.now();
  for (let i = 0; i < 20; i++) await (await fetch(`${base}${PAGE}`, { headers: { cookie } })).arrayBuffer();
  console.log(`one reader alone: ${((performance.now() - started) / 20).toFixed(1)} ms a page of ${Math.round(bytes / 1024)} KiB`);

  // Every response's time, for an exact p95 (autocannon's summary has p90 and p97.5 only).
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${base}${PAGE}`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const { requests, non2xx } = result;
  times.sort((a, b) => a - b);
  const at = (share: number) => Math.round(times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? 0);
  console.log(`${PAGE}, ${CONNECTIONS} concurrent signed-in readers, ${SECONDS} s: ${requests.total} requests, ${non2xx} non-2xx`);
  console.log(`latency p50 ${at(0.5)} ms   p90 ${at(0.9)} ms   p95 ${at(0.95)} ms   p99 ${at(0.99)} ms   (target: p95 < 200 ms)`);
  console.log(`throughput ${requests.average.toFixed(0)} requests/s`);
} finally {
  await new Promise((resolve) => {
    server.once("exit", resolve);
    server.kill("SIGTERM");
  });
  await database.drop();
}
