// `npm run bench:pipeline`: the whole pipeline against bare `docker run`, in one run on a fresh database.
//   latency, interleaved: (a) docker run compiling and running a trivial C program;
//                         (a') docker run doing the same work as (b) without the platform: compile
//                              syscall-echo's reference and run it on the 3 public examples;
//                         (b) a Run of syscall-echo through the API → queue → worker → sandbox → SSE verdict
//   throughput: a burst of 200 Runs with 2 workers, verdicts per minute, against bare docker runs
//               (trivial, and the same work) with concurrency 2 over the same count; lost and
//               duplicated gradings counted.
//   submit:     a Submit of each flagship exercise's reference in each language, click to verdict
//               through the API and SSE (BENCH_SUBMITS each, default 10, after one to warm up),
//               median and p95 against the targets: 2.5 s for C and Go, 5 s for Python, 8 s for
//               the epoll server.
// BENCH_SECTIONS picks sections (default "latency,throughput,submit"), BENCH_EXERCISES the Submit rows.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import pg from "pg";
import { describe, median, percentile, timed } from "@/bench/stats";
import { loadExercise } from "@/lib/exercises/load-exercise";
import type { Language } from "@/contracts/languages";
import { readReferenceSolution } from "@/graders/core/load-grader";
import { freshDatabase } from "@/bench/fresh-database";
import { imageTag } from "@/sandbox/images/image-tags";
import { startWorker } from "@/test/support/workers";

const run = promisify(execFile);
const N = Number(process.env.BENCH_N ?? 20);
const BURST = Number(process.env.BENCH_BURST ?? 200);
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 10);
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? "latency,throughput,submit").split(","));
/** The flagship exercises and the median Submit each language must meet (ms). */
const SUBMIT_TARGETS: { exercise: string; targets: Record<string, number> }[] = [
  { exercise: "bankers-algorithm", targets: { c: 2500, go: 2500, python: 5000 } },
  { exercise: "producer-consumer", targets: { c: 2500, go: 2500, python: 5000 } },
  { exercise: "lru-pager", targets: { c: 2500, go: 2500, python: 5000 } },
  { exercise: "epoll-server", targets: { c: 8000, go: 8000, python: 8000 } },
];
const HELLO = '#include <stdio.h>\nint main(void){puts("hello");return 0;}\n';

const database = await freshDatabase();
Object.assign(process.env, { DATABASE_URL: database.url, BETTER_AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789", LOG_LEVEL: "silent" });
const { jsonRequest, signUp, TEST_BASE_URL } = await import("@/test/support/app-routes");
const { POST: submitRoute } = await import("@/app/api/submissions/route");
const { GET: eventsRoute } = await import("@/app/api/submissions/[id]/events/route");
const workers = [startWorker(database.url, { WORKER_STALE_SECONDS: "30" }), startWorker(database.url, { WORKER_STALE_SECONDS: "30" })];
const code = await readFile("graders/syscall-echo/reference/c/echo.c", "utf8");

let submitted = 0;
/**
 * Submits `code` and reads its event stream to the verdict. Each submission's code differs (a
 * comment), so every one is compiled: no worker cache can answer it.
 */
async function submitAndWait(cookie: string, options: { exercise?: string; language?: string; code?: string; kind?: "run" | "submit" } = {}): Promise<string> {
  const { exercise = "syscall-echo", language = "c", kind = "run" } = options;
  const comment = language === "python" ? `\n# submission ${++submitted}\n` : `\n/* submission ${++submitted} */\n`;
  const unique = `${options.code ?? code}${comment}`;
  const response = await submitRoute(jsonRequest("/api/submissions", { exerciseSlug: exercise, language, kind, code: unique }, { cookie }), {});
  if (response.status !== 202) throw new Error(`submit: ${response.status} ${await response.text()}`);
  const { id } = await response.json();
  const stream = await eventsRoute(new Request(`${TEST_BASE_URL}/api/submissions/${id}/events`, { headers: { cookie } }), { params: Promise.resolve({ id }) });
  const text = await stream.text();
  if (!text.includes('"verdict":"AC"')) throw new Error(`submission ${id} (${exercise} ${language} ${kind}) was not accepted: ${text.slice(-400)}`);
  return id;
}

const bareRun = () =>
  run("docker", ["run", "--rm", "--network", "none", imageTag("c"), "sh", "-c", `printf '%s' '${HELLO}' > /tmp/h.c && gcc /tmp/h.c -o /tmp/a && /tmp/a`]);

const starter = (file: string) => readFile(`exercises/syscall-echo/starter/c/${file}`, "utf8");
const sameWork = [
  `cat > /tmp/echo.h <<'EOF_H'\n${await starter("echo.h")}\nEOF_H`,
  `cat > /tmp/main.c <<'EOF_M'\n${await starter("main.c")}\nEOF_M`,
  `cat > /tmp/echo.c <<'EOF_E'\n${code}\nEOF_E`,
];
for (const example of ["1", "2", "3"])
  sameWork.push(`cat > /tmp/${example}.in <<'EOF_I'\n${await readFile(`exercises/syscall-echo/examples/${example}.in`, "utf8")}\nEOF_I`);
const bareSameWork = () =>
  run("docker", [
    "run",
    "--rm",
    "--network",
    "none",
    imageTag("c"),
    "sh",
    "-c",
    `${sameWork.join("\n")}\ncd /tmp && gcc -O2 -o a main.c echo.c && ./a < 1.in && ./a < 2.in && ./a < 3.in`,
  ]);

try {
  const users = await Promise.all(Array.from({ length: Math.ceil(BURST / 5) + 1 }, (_, i) => signUp(`bench${i}@example.com`)));
  // Both workers warm (images, pools, the exercise's objects): two at a time, so each takes one.
  for (let i = 0; i < 2; i++) await Promise.all([submitAndWait(users[0]!), submitAndWait(users[0]!)]);

  const bare: number[] = [];
  const same: number[] = [];
  const pipeline: number[] = [];
  for (let i = 0; i < (SECTIONS.has("latency") ? N : 0); i++) {
    bare.push(await timed(bareRun));
    same.push(await timed(bareSameWork));
    pipeline.push(await timed(() => submitAndWait(users[i % users.length]!))); // spread under the per-user rate limit
  }
  if (SECTIONS.has("latency")) {
    console.log(describe("(a) bare docker run: trivial gcc + run", bare));
    console.log(describe("(a') bare docker run: gcc + 3 example runs", same));
    console.log(describe("(b) pipeline: Run → verdict over SSE", pipeline));
    console.log(
      `latency ratio b/a: median ${(median(pipeline) / median(bare)).toFixed(2)}   p95 ${(percentile(pipeline, 95) / percentile(bare, 95)).toFixed(2)}   (target ≤ 1.5)`,
    );
    console.log(
      `latency ratio b/a': median ${(median(pipeline) / median(same)).toFixed(2)}   p95 ${(percentile(pipeline, 95) / percentile(same, 95)).toFixed(2)}   (same work)`,
    );
  }

  if (SECTIONS.has("submit")) {
    // One at a time, each user in turn (the per-user rate limit), the first of each row untimed.
    let turn = 0;
    const only = process.env.BENCH_EXERCISES?.split(",");
    for (const { exercise, targets } of SUBMIT_TARGETS.filter((row) => !only || only.includes(row.exercise))) {
      const manifest = await loadExercise(exercise);
      for (const [language, target] of Object.entries(targets)) {
        const file = manifest.starters[language as keyof typeof manifest.starters]!.edit.name;
        const reference = await readReferenceSolution(exercise, language as Language, file);
        const submit = () => submitAndWait(users[turn++ % users.length]!, { exercise, language, code: reference, kind: "submit" });
        await submit();
        const samples: number[] = [];
        for (let i = 0; i < SUBMITS; i++) samples.push(await timed(submit));
        const verdict = median(samples) <= target ? "meets" : "MISSES";
        console.log(`${describe(`Submit ${exercise} ${language}`, samples)}   ${verdict} the ${target / 1000} s target`);
      }
    }
  }

  if (SECTIONS.has("throughput")) {
    /** Runs `job` BURST times with two at a time; jobs per minute. */
    const bareRate = async (job: () => Promise<unknown>) => {
      const started = performance.now();
      let next = 0;
      await Promise.all(
        [0, 1].map(async () => {
          while (next++ < BURST) await job();
        }),
      );
      return BURST / ((performance.now() - started) / 60_000);
    };
    const trivialRate = await bareRate(bareRun);
    const sameWorkRate = await bareRate(bareSameWork);

    const burstStart = performance.now();
    const ids: string[] = [];
    await Promise.all(
      users.slice(1).map(async (cookie) => {
        for (let i = 0; i < 5 && ids.length < BURST; i++) ids.push(await submitAndWait(cookie));
      }),
    );
    const pipelineRate = ids.length / ((performance.now() - burstStart) / 60_000);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ done: string; starts: string }>(
      `SELECT count(*) FILTER (WHERE status = 'done') AS done,
              (SELECT count(*) FROM "SubmissionEvent" e WHERE e."submissionId" = ANY($1) AND e.type = 'started') AS starts
       FROM "Submission" WHERE id = ANY($1)`,
      [ids],
    );
    await client.end();
    console.log(`throughput: pipeline ${pipelineRate.toFixed(1)} verdicts/min with 2 workers`);
    console.log(
      `  vs bare docker, concurrency 2, trivial gcc + run: ${trivialRate.toFixed(1)} runs/min, ratio ${(pipelineRate / trivialRate).toFixed(2)} (target ≥ 0.8)`,
    );
    console.log(`  vs bare docker, concurrency 2, same work: ${sameWorkRate.toFixed(1)} runs/min, ratio ${(pipelineRate / sameWorkRate).toFixed(2)}`);
    console.log(`burst of ${ids.length}: lost ${ids.length - Number(rows[0]!.done)}, duplicated ${Number(rows[0]!.starts) - ids.length}`);
  }
} finally {
  await Promise.all(workers.map((worker) => worker.kill("SIGTERM")));
  await database.drop();
}
