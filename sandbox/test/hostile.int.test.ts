// The hostile corpus (sandbox/test/hostile/): one program per attack, each with the verdict it must get
// in its header. After each, no container of ours is left; at the end the host is unchanged and the
// runner still serves a plain job.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Language } from "@/contracts/languages";
import { SANDBOX_LABEL } from "@/sandbox/docker/container-config";
import { compileAndRun, testRunner } from "@/sandbox/test/support";

const CORPUS = path.join(import.meta.dirname, "hostile");
const LANGUAGE_BY_EXTENSION: Record<string, Language> = { ".c": "c", ".cpp": "cpp", ".go": "go", ".py": "python" };

interface Attack {
  file: string;
  language: Language;
  source: string;
  expect: string;
  runs: number;
  stdout?: RegExp;
  compiler?: RegExp;
  signal?: string;
}

function header(source: string, key: string): string | undefined {
  return new RegExp(`^(?://|#) ${key}: (.*)$`, "m").exec(source)?.[1]?.trim();
}

const attacks: Attack[] = readdirSync(CORPUS)
  .sort()
  .map((file) => {
    const source = readFileSync(path.join(CORPUS, file), "utf8");
    const stdout = header(source, "stdout");
    const compiler = header(source, "compiler");
    return {
      file,
      language: LANGUAGE_BY_EXTENSION[path.extname(file)]!,
      source,
      expect: header(source, "expect") ?? "missing",
      runs: Number(header(source, "runs") ?? 1),
      stdout: stdout ? new RegExp(stdout) : undefined,
      compiler: compiler ? new RegExp(compiler) : undefined,
      signal: header(source, "stderr-or-signal"),
    };
  });

// Paths the attacks write inside their sandbox; none may appear on the host.
const HOST_PATHS = ["/tmp/rootshell", "/tmp/huge", "/tmp/fill-0", "/tmp/cache", "/tmp/locked", "/usr/bin/evil"];
const passwdBefore = statSync("/etc/passwd").mtimeMs;
const hostPathsBefore = HOST_PATHS.filter((p) => existsSync(p));

async function ourContainers(): Promise<number> {
  const runner = await testRunner();
  return (await runner.docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`, `osprep.owner=${runner.owner}`] } })).length;
}

describe("the hostile corpus", () => {
  it("has at least 30 attacks in C, Go and Python, each with a verdict to get and what must not happen", () => {
    expect(attacks.length).toBeGreaterThanOrEqual(30);
    expect(new Set(attacks.map((a) => a.language))).toEqual(new Set(["c", "cpp", "go", "python"]));
    for (const attack of attacks) {
      expect(["OK", "CE", "TLE", "MLE", "OLE", "RE"], attack.file).toContain(attack.expect);
      expect(header(attack.source, "must not"), attack.file).toBeTruthy();
      expect(header(attack.source, "attack"), attack.file).toBeTruthy();
    }
  });

  it.each(attacks.map((attack) => [attack.file, attack] as const))("%s", async (_file, attack) => {
    const main = `main${path.extname(attack.file)}`;
    const { compile, runs } = await compileAndRun(attack.language, { [main]: attack.source }, Array(attack.runs).fill(""));
    if (attack.expect === "CE") {
      expect(compile.ok, "must not compile").toBe(false);
      if (attack.compiler) expect(compile.output).toMatch(attack.compiler);
    } else {
      expect(compile.ok, compile.ok ? "" : compile.output).toBe(true);
      expect(runs).toHaveLength(attack.runs);
      for (const run of runs) {
        expect(run.verdict, `stdout: ${run.stdout.slice(0, 200)} stderr: ${run.stderr.slice(0, 200)}`).toBe(attack.expect);
        if (attack.stdout) expect(run.stdout).toMatch(attack.stdout);
        if (attack.signal) expect(run.signal).toBe(attack.signal);
      }
    }
    expect(await ourContainers(), "containers left behind").toBe(0);
  });

  afterAll(() => {
    // Outside the loop so a failure here names the host, not one attack.
    expect(statSync("/etc/passwd").mtimeMs).toBe(passwdBefore);
    expect(HOST_PATHS.filter((p) => existsSync(p))).toEqual(hostPathsBefore);
  });
});

describe("after the attacks", () => {
  it("runs 20 jobs in parallel while one of their containers is killed from outside", async () => {
    const runner = await testRunner();
    const program = { "main.py": "import time, sys\ntime.sleep(1.5)\nprint(sys.stdin.read().upper(), end='')" };
    const jobs = Array.from({ length: 20 }, (_, i) =>
      compileAndRun("python", program, [`job ${i}`]).then(
        (r) => ({ ok: true as const, r }),
        (error: Error) => ({ ok: false as const, error }),
      ),
    );
    // Kill one job container while it works: Docker or the host failing under a job. Only a container
    // started less than a second ago is surely still working (each job sleeps 1.5 s); one whose job is
    // done may linger until its removal, and killing that would fail no job.
    let killed = false;
    for (let i = 0; i < 100 && !killed; i++) {
      const running = await runner.docker.listContainers({ filters: { label: [`${SANDBOX_LABEL}=true`, "osprep.role=job", `osprep.owner=${runner.owner}`] } });
      for (const candidate of running) {
        const container = runner.docker.getContainer(candidate.Id);
        const started = await container.inspect().then(
          (info) => Date.parse(info.State.StartedAt),
          () => 0,
        );
        if (Date.now() - started > 1_000) continue;
        killed = await container.kill().then(
          () => true,
          () => false,
        );
        if (killed) break;
      }
      if (!killed) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(killed).toBe(true);
    const outcomes = await Promise.all(jobs);
    await runner.settled();
    const failed = outcomes.filter((o) => !o.ok);
    const passed = outcomes.filter((o) => o.ok && o.r.runs[0]?.verdict === "OK");
    expect(failed.map((o) => (o.ok ? "" : `${o.error.name}: ${o.error.message}`))).toEqual([expect.stringMatching(/^SandboxError: /)]);
    expect(passed).toHaveLength(19);
    expect(await ourContainers()).toBe(0);
  }, 180_000);

  it("gives concurrent jobs separate per-user kernel limits: one holding every inotify instance denies none to another", async () => {
    // The kernel counts inotify instances per uid (fs.inotify.max_user_instances, 128 by default):
    // with one uid for every sandbox, this job would hold them all while another job runs.
    const hog = `#include <stdio.h>
#include <sys/inotify.h>
#include <unistd.h>
int main(void) {
    int held = 0;
    while (held < 100000 && inotify_init1(0) >= 0) held++;
    printf("held %d\\n", held);
    fflush(stdout);
    sleep(2);
    return 0;
}`;
    const needy = `#include <stdio.h>
#include <sys/inotify.h>
#include <unistd.h>
int main(void) {
    usleep(700 * 1000); /* while the other job holds them all */
    puts(inotify_init1(0) >= 0 ? "got one" : "refused");
    return 0;
}`;
    const [held, other] = await Promise.all([compileAndRun("c", { "main.c": hog }), compileAndRun("c", { "main.c": needy })]);
    expect(held.runs[0]?.stdout).toMatch(/^held [1-9]\d*\n$/);
    expect(other.runs[0]?.stdout).toBe("got one\n");
  });

  it("still serves a plain job", async () => {
    const { runs } = await compileAndRun("c", { "main.c": '#include <stdio.h>\nint main(void){puts("fine");return 0;}' });
    expect(runs[0]).toMatchObject({ verdict: "OK", stdout: "fine\n" });
  });
});
