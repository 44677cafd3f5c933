// `npm run bench:web`: the exercise page under 20 concurrent signed-in readers, against the production
// build on a fresh database. A reader's visit is two requests: the page (prerendered, the same for
// everyone) and GET /api/exercises/:slug/workspace (their drafts and history: the reader here has
// three drafts and ten past submissions). Each of the 20 connections makes visits, one request after
// the other; p50/p95/p99 are printed per request kind and for all responses together. The target is
// p95 < 200 ms on this machine. Then the dashboard and the roadmap page, each under 20 concurrent readers
// alone, for a heavy user (10,000 submissions, 5,000 flashcard reviews, 2,000 quiz answers over a
// year: target p95 ≤ 100 ms), beside GET /api/health under the same load as the server's floor. Their
// visits are two requests too: the prerendered page and GET /api/progress/dashboard or /roadmap.
// Not a test: a measurement.
// BENCH_PAGE picks another exercise (default: Banker's algorithm, the longest statement); BENCH_SERVER=next
// serves with bare `next start` instead of osprep's web server (lib/web-server/serve.ts).
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import autocannon from "autocannon";
import pg from "pg";
import { freshDatabase } from "@/bench/fresh-database";
import { percentile } from "@/bench/stats";
import { freePort } from "@/test/support/free-port";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PAGE = process.env.BENCH_PAGE ?? "/exercises/bankers-algorithm";
const slug = PAGE.split("/").pop()!;
const WORKSPACE = `/api/exercises/${slug}/workspace`;

const database = await freshDatabase();
const port = await freePort();
const base = `http://localhost:${port}`;
// BENCH_PROFILE_DIR: write a CPU profile of the server there (node --cpu-prof), to see where a request's time goes.
const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
// BENCH_SERVER=next: bare `next start` instead of osprep's web server, to see what the server in front costs.
const serverArgs = process.env.BENCH_SERVER === "next" ? ["node_modules/next/dist/bin/next", "start"] : ["--import", "tsx", "lib/web-server/serve.ts"];
const server = spawn(process.execPath, [...profile, ...serverArgs, "--port", String(port)], {
  env: {
    ...process.env,
    NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? "",
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789",
    OSPREP_URL: base,
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: ["ignore", "ignore", "inherit"],
});

/** Signs a user up through the API; their session cookie. */
async function signUp(name: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ name, email, password: "a good passphrase" }),
  });
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/**
 * The cookie a browser holds a moment later: better-auth answers a session lookup with a signed copy of
 * the session (session_data, kept a minute: lib/auth/server.ts) that spares the next minute's lookups.
 * A browser keeps it; autocannon does not, so each timed phase (under a minute) starts with a fresh one.
 */
async function asBrowserHolds(cookie: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/get-session`, { headers: { cookie } });
  const jar = new Map(cookie.split("; ").map((pair) => [pair.split("=", 1)[0]!, pair] as const));
  for (const set of response.headers.getSetCookie()) {
    const pair = set.split(";")[0]!;
    jar.set(pair.split("=", 1)[0]!, pair);
  }
  return [...jar.values()].join("; ");
}

/** A signed-in reader with drafts in every language and a history of submissions with real code. */
async function reader(): Promise<string> {
  const cookie = await signUp("Reader", "reader@example.com");
  const code = await readFile("graders/bankers-algorithm/reference/c/banker.c", "utf8");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(
    `INSERT INTO "Draft" ("userId", "exerciseSlug", language, code, "updatedAt")
     SELECT id, $1, language, $2, now() FROM "User", unnest(ARRAY['c', 'go', 'python']) AS language`,
    [slug, code],
  );
  await client.query(
    `INSERT INTO "Submission" (id, "userId", "exerciseSlug", language, code, kind, status, verdict, score, "queuedAt")
     SELECT 'bench' || i, u.id, $1, 'c', $2 || '/* attempt ' || i || ' */', CASE WHEN i % 2 = 0 THEN 'run' ELSE 'submit' END::"SubmissionKind",
            'done', 'WA', 0.5, now() - i * interval '1 minute'
     FROM "User" u, generate_series(1, 10) AS i`,
    [slug, code],
  );
  await client.end();
  return cookie;
}

/** A second reader with a year of heavy practice: 10,000 submits over the catalog, 5,000 reviews, 2,000 quiz answers. */
async function heavyReader(): Promise<string> {
  const cookie = await signUp("Heavy", "heavy@example.com");
  const { getQuestionBank, isReviewable } = await import("@/lib/questions/question-bank");
  const bank = await getQuestionBank();
  const cards = bank.questions.filter(isReviewable).map((q) => q.slug);
  const choices = bank.questions.filter((q) => q.kind === "choice").map((q) => q.slug);
  const slugs = (await (await import("@/lib/exercises/load-exercise")).listExercises()).map((manifest) => manifest.slug);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const heavy = `(SELECT id FROM "User" WHERE email = 'heavy@example.com')`;
  await client.query(
    `UPDATE "User" SET "timeZone" = 'Europe/Berlin' WHERE email = 'heavy@example.com';
     INSERT INTO "Submission" (id, "userId", "exerciseSlug", language, code, kind, status, verdict, score, metrics, "queuedAt")
     SELECT 'heavy' || i, ${heavy}, ($1::text[])[1 + i % array_length($1::text[], 1)], 'c', 'int main(void) { return 0; }', 'submit', 'done',
            CASE WHEN i % 3 = 0 THEN 'AC' ELSE 'WA' END::"Verdict", 0.8,
            jsonb_build_object('maxCpuMs', 10, 'peakMemoryKiB', 1000, 'performance', jsonb_build_object('ratio', 1 + (i % 7) / 10.0)),
            now() - (i * interval '52 minutes')
     FROM generate_series(1, 10000) AS i;
     INSERT INTO "ExerciseProgress" ("userId", "exerciseSlug", "bestVerdict", "bestScore", attempts, "firstSolvedAt", "lastSubmittedAt", "updatedAt")
     SELECT ${heavy}, slug, 'AC', 1, 2000, now() - interval '300 days', now(), now() FROM unnest($1::text[]) AS slug;
     INSERT INTO "ReviewCard" ("userId", "questionSlug", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview")
     SELECT ${heavy}, slug, now() + (row_number() OVER () % 20 - 5) * interval '1 day', 12, 5, 3, 10, 0, 30, 2, 2, now() - interval '3 days'
     FROM unnest($2::text[]) AS slug;
     INSERT INTO "ReviewLog" (id, "userId", "questionSlug", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt")
     SELECT 'review' || i, ${heavy}, ($2::text[])[1 + i % array_length($2::text[], 1)], 3, 2, now(), 12, 5, 3, 2, 10, 0, now() - (i * interval '105 minutes')
     FROM generate_series(1, 5000) AS i;
     INSERT INTO "QuizAnswer" (id, "userId", "questionSlug", chosen, correct, "answeredAt")
     SELECT 'quiz' || i, ${heavy}, ($3::text[])[1 + i % array_length($3::text[], 1)], ARRAY[0], i % 4 <> 0, now() - (i * interval '4 hours')
     FROM generate_series(1, 2000) AS i;
     INSERT INTO "ActivityDay" ("userId", day, count)
     SELECT ${heavy}, ((e.at AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin')::date, count(*)::int FROM (
       SELECT "queuedAt" AS at FROM "Submission" WHERE "userId" = ${heavy}
       UNION ALL SELECT "reviewedAt" FROM "ReviewLog" WHERE "userId" = ${heavy}
       UNION ALL SELECT "answeredAt" FROM "QuizAnswer" WHERE "userId" = ${heavy}) AS e GROUP BY 2;
     ANALYZE;`
      .replaceAll("$1::text[]", `ARRAY[${slugs.map((s) => `'${s}'`).join(",")}]::text[]`)
      .replaceAll("$2::text[]", `ARRAY[${cards.map((s) => `'${s}'`).join(",")}]::text[]`)
      .replaceAll("$3::text[]", `ARRAY[${choices.map((s) => `'${s}'`).join(",")}]::text[]`),
  );
  await client.end();
  return cookie;
}

/** Every response's time per path: CONNECTIONS connections for SECONDS, each requesting `paths` in turn, one after the other. */
async function visits(paths: string[], signedIn: string): Promise<{ times: Record<string, number[]>; total: number; non2xx: number; perSecond: number }> {
  const cookie = await asBrowserHolds(signedIn);
  const times: Record<string, number[]> = Object.fromEntries(paths.map((path) => [path, []]));
  const sent = new Map<unknown, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections: CONNECTIONS, duration: SECONDS, headers: { cookie }, requests: paths.map((path) => ({ method: "GET", path })) },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (client, _status, _bytes, responseTime) => {
      const count = sent.get(client) ?? 0;
      sent.set(client, count + 1);
      times[paths[count % paths.length]!]!.push(responseTime);
    });
  });
  return { times, total: result.requests.total, non2xx: result.non2xx, perSecond: result.requests.average };
}

function percentiles(times: number[]): string {
  return [50, 90, 95, 99].map((p) => `p${p} ${Math.round(percentile(times, p))} ms`).join("   ");
}

try {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const cookie = await reader();
  const sizes: Record<string, number> = {};
  for (const path of [PAGE, WORKSPACE]) {
    for (let i = 0; i < 20; i++) sizes[path] = (await (await fetch(`${base}${path}`, { headers: { cookie } })).arrayBuffer()).byteLength; // warm
    const started = performance.now();
    for (let i = 0; i < 20; i++) await (await fetch(`${base}${path}`, { headers: { cookie } })).arrayBuffer();
    console.log(`one reader alone: ${path} ${((performance.now() - started) / 20).toFixed(1)} ms, ${Math.round(sizes[path]! / 1024)} KiB`);
  }

  // Every response's time, for exact percentiles; each connection alternates page and workspace.
  const exercise = await visits([PAGE, WORKSPACE], cookie);
  console.log(
    `${CONNECTIONS} concurrent signed-in readers, ${SECONDS} s: ${exercise.total} requests (${Math.floor(exercise.total / 2)} visits), ${exercise.non2xx} non-2xx`,
  );
  console.log(`  page ${PAGE}:`.padEnd(56) + percentiles(exercise.times[PAGE]!));
  console.log(`  workspace ${WORKSPACE}:`.padEnd(56) + percentiles(exercise.times[WORKSPACE]!));
  console.log(`${`  all responses:`.padEnd(56)}${percentiles(Object.values(exercise.times).flat())}   (target: p95 < 200 ms)`);
  console.log(`throughput ${exercise.perSecond.toFixed(0)} requests/s`);

  const heavy = await heavyReader();
  // The heavy reader's data must be what is timed: the page is the same for everyone.
  const signedInMark = { "/api/progress/dashboard": '"nextStep":{"topic"', "/api/progress/roadmap": '"reviewsDue":' };
  for (const [path, mark] of Object.entries(signedInMark)) {
    const data = await fetch(`${base}${path}`, { headers: { cookie: heavy } });
    if (!data.ok || !(await data.text()).includes(mark)) throw new Error(`${path} did not answer for the heavy reader (${data.status})`);
  }
  for (const path of ["/dashboard", "/api/progress/dashboard", "/roadmap", "/api/progress/roadmap"]) {
    for (let i = 0; i < 10; i++) await (await fetch(`${base}${path}`, { headers: { cookie: heavy } })).arrayBuffer(); // warm
    const started = performance.now();
    let size = 0;
    for (let i = 0; i < 20; i++) size = (await (await fetch(`${base}${path}`, { headers: { cookie: heavy } })).arrayBuffer()).byteLength;
    console.log(`one heavy reader alone: ${path} ${((performance.now() - started) / 20).toFixed(1)} ms, ${Math.round(size / 1024)} KiB`);
  }
  console.log(`\n${CONNECTIONS} concurrent visits of one page each, ${SECONDS} s, as a reader with 10,000 submissions, 5,000 reviews and 2,000 quiz answers:`);
  const floor = await visits(["/api/health"], heavy);
  const floorP95 = percentile(floor.times["/api/health"]!, 95);
  console.log(`  baseline /api/health:`.padEnd(56) + percentiles(floor.times["/api/health"]!));
  for (const [page, data] of [
    ["/dashboard", "/api/progress/dashboard"],
    ["/roadmap", "/api/progress/roadmap"],
  ] as const) {
    const { times, total, non2xx } = await visits([page, data], heavy);
    const all = Object.values(times).flat();
    console.log(`  ${page} (${Math.floor(total / 2)} visits, ${non2xx} non-2xx)`);
    console.log(`    page ${page}:`.padEnd(56) + percentiles(times[page]!));
    console.log(`    data ${data}:`.padEnd(56) + percentiles(times[data]!));
    console.log(
      `    all responses:`.padEnd(56) +
        `${percentiles(all)}   p95 ×${(percentile(all, 95) / Math.max(1, floorP95)).toFixed(1)} the baseline's (target: p95 ≤ 100 ms)`,
    );
  }
} finally {
  await new Promise((resolve) => {
    server.once("exit", resolve);
    server.kill("SIGTERM");
  });
  await database.drop();
}
