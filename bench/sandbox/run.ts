// `npm run bench:sandbox`: the Runner's cost against bare `docker run`, interleaved in one run.
//   (a) docker run --rm --network none <c image> sh -c 'gcc hello.c -o /tmp/a && /tmp/a'
//   (b) the Runner: build + one run in a job container (a submission's path), every hardening flag
//   (b') the Runner: compile apart + install the artifact in a run container + one run (a reference's path)
//   (c) one more run in a warm session (what each further test of a submission costs)
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pino from "pino";
import { describe, median, percentile, timed } from "@/bench/stats";
import { connectDocker, DockerRunner } from "@/sandbox/docker/docker-runner";
import { ensureSandboxImages } from "@/sandbox/images/build-images";
import { imageTag } from "@/sandbox/images/image-tags";
import { runLimitsFor } from "@/sandbox/limits";
import type { RunSession } from "@/sandbox/runner";

const run = promisify(execFile);
const N = Number(process.env.BENCH_N ?? 20);
const HELLO = '#include <stdio.h>\nint main(void){puts("hello");return 0;}\n';

const docker = await connectDocker();
await ensureSandboxImages({ docker, log: console.log });
const runner = new DockerRunner(docker, pino({ level: "silent" }));
const image = imageTag("c");
const bare: number[] = [];
const hardened: number[] = [];
const artifactPath: number[] = [];
const warm: number[] = [];
const expectHello = (result: { stdout: string }) => {
  if (result.stdout !== "hello\n") throw new Error(`unexpected output ${result.stdout}`);
};

for (let i = 0; i < N; i++) {
  bare.push(
    await timed(() =>
      run("docker", ["run", "--rm", "--network", "none", image, "sh", "-c", `printf '%s' '${HELLO}' > /tmp/hello.c && gcc /tmp/hello.c -o /tmp/a && /tmp/a`]),
    ),
  );
  let session: RunSession | undefined;
  hardened.push(
    await timed(async () => {
      const built = await runner.buildAndStartRuns({ language: "c", files: [{ name: "main.c", content: HELLO }], limits: runLimitsFor() });
      if (!built.ok) throw new Error(built.output);
      session = built.session;
      expectHello(await session.run({ stdin: "" }));
    }),
  );
  warm.push(await timed(() => session!.run({ stdin: "" })));
  await session!.close();
  artifactPath.push(
    await timed(async () => {
      const compiled = await runner.compile({ language: "c", files: [{ name: "main.c", content: HELLO }] });
      if (!compiled.ok) throw new Error(compiled.output);
      const apart = await runner.startRuns({ artifact: compiled.artifact, limits: runLimitsFor() });
      expectHello(await apart.run({ stdin: "" }));
      await apart.close();
    }),
  );
}

console.log(describe("(a) bare docker run: gcc + run", bare));
console.log(describe("(b) Runner: build + run in a job container", hardened));
console.log(describe("(b') Runner: compile apart + run container", artifactPath));
console.log(describe("(c) Runner: one more run, warm session", warm));
console.log(
  `ratio b/a: median ${(median(hardened) / median(bare)).toFixed(2)}   p95 ${(percentile(hardened, 95) / percentile(bare, 95)).toFixed(2)}   (target ≤ 1.3)`,
);
console.log(`ratio b'/a: median ${(median(artifactPath) / median(bare)).toFixed(2)}   (a reference's first build)`);
console.log(`ratio c/a: median ${(median(warm) / median(bare)).toFixed(2)}   (each further test of a submission)`);
