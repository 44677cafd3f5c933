// The Runner against the real Docker engine: every language builds and runs, and each limit ends a
// run with its verdict.
import { describe, expect, it } from "vitest";
import pino from "pino";
import { SANDBOX_LABEL } from "@/sandbox/docker/container-config";
import { DockerRunner } from "@/sandbox/docker/docker-runner";
import { DEFAULT_UID_RANGE } from "@/sandbox/docker/sandbox-uids";
import { runLimitsFor } from "@/sandbox/limits";
import type { Artifact } from "@/sandbox/runner";
import { compileAndRun, testRunner } from "@/sandbox/test/support";

describe("DockerRunner", () => {
  const hellos = [
    ["c", { "main.c": '#include <stdio.h>\nint main(void){char s[64];if(!fgets(s,64,stdin))return 1;printf("hello, %s",s);return 0;}' }],
    ["cpp", { "main.cpp": '#include <iostream>\n#include <string>\nint main(){std::string s;std::getline(std::cin,s);std::cout<<"hello, "<<s<<"\\n";}' }],
    ["go", { "main.go": 'package main\nimport ("bufio";"fmt";"os")\nfunc main(){s,_:=bufio.NewReader(os.Stdin).ReadString(\'\\n\');fmt.Print("hello, "+s)}' }],
    ["python", { "main.py": "import sys\nprint('hello, ' + sys.stdin.readline(), end='')" }],
  ] as const;
  it.each((["job", "artifact"] as const).flatMap((path) => hellos.map(([language, files]) => [language, path, files] as const)))(
    "builds and runs hello world in %s (%s path), with stdin",
    async (language, path, files) => {
      const { compile, runs } = await compileAndRun(language, files, ["world\n", "again\n"], {}, path);
      expect(compile.ok).toBe(true);
      expect(runs.map((run) => [run.verdict, run.stdout])).toEqual([
        ["OK", "hello, world\n"],
        ["OK", "hello, again\n"],
      ]);
      expect(runs[0]!.cpuMs).toBeGreaterThan(0);
      expect(runs[0]!.memoryKiB).toBeGreaterThan(0);
    },
  );

  it("reports a compile error with the compiler's message", async () => {
    const { compile } = await compileAndRun("c", { "main.c": "int main(void) { return 0 }\n" });
    expect(compile.ok).toBe(false);
    expect(compile.output).toMatch(/main\.c:1:\d+: error: expected ‘;’/);
  });

  it("reports a Python syntax error as a compile error", async () => {
    const { compile } = await compileAndRun("python", { "main.py": "def f(:\n    pass\n" });
    expect(compile.ok).toBe(false);
    expect(compile.output).toContain("SyntaxError");
  });

  it("stops a CPU spin at the CPU limit: TLE", async () => {
    const { runs } = await compileAndRun("c", { "main.c": "int main(void){volatile unsigned long i=0;for(;;)i++;}" }, [""], { cpuSeconds: 1, wallSeconds: 4 });
    expect(runs[0]).toMatchObject({ verdict: "TLE" });
    expect(runs[0]!.cpuMs).toBeGreaterThanOrEqual(1000);
  });

  it("stops a sleeper at the wall-clock limit: TLE", async () => {
    const { runs } = await compileAndRun("python", { "main.py": "import time\ntime.sleep(60)" }, [""], { wallSeconds: 2 });
    expect(runs[0]).toMatchObject({ verdict: "TLE", exitCode: null });
    expect(runs[0]!.wallMs).toBeLessThan(5000);
  });

  it("reports a memory bomb as MLE, from the cgroup's OOM counter", async () => {
    const { runs } = await compileAndRun("c", {
      "main.c": "#include <stdlib.h>\n#include <string.h>\nint main(void){for(;;){char*p=malloc(1<<20);if(!p)return 3;memset(p,1,1<<20);}}",
    });
    expect(runs[0]).toMatchObject({ verdict: "MLE", oomKilled: true });
  });

  it("does not count a large untouched mapping as memory", async () => {
    const { runs } = await compileAndRun("c", {
      "main.c":
        '#include <stdio.h>\n#include <sys/mman.h>\nint main(void){char*p=mmap(0,1UL<<32,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE,-1,0);if(p==MAP_FAILED)return 2;p[0]=1;puts("mapped");return 0;}',
    });
    expect(runs[0]).toMatchObject({ verdict: "OK", stdout: "mapped\n" });
    expect(runs[0]!.memoryKiB).toBeLessThan(64 * 1024);
  });

  it("cuts an output flood at the cap: OLE", async () => {
    const { runs } = await compileAndRun("c", { "main.c": '#include <stdio.h>\nint main(void){for(;;)puts("flood flood flood flood");}' });
    expect(runs[0]).toMatchObject({ verdict: "OLE", stdoutTruncated: true });
    expect(runs[0]!.stdout.length).toBe(64 * 1024);
  });

  it("reports a crash as RE with its signal", async () => {
    const { runs } = await compileAndRun("c", { "main.c": "int main(void){volatile int*p=0;*p=1;return 0;}" });
    expect(runs[0]).toMatchObject({ verdict: "RE", signal: "SIGSEGV", exitCode: 139 });
  });

  it("reports a non-zero exit as RE with its status", async () => {
    const { runs } = await compileAndRun("python", { "main.py": "raise SystemExit(3)" });
    expect(runs[0]).toMatchObject({ verdict: "RE", exitCode: 3, signal: null });
  });

  it("keeps warm containers ready and removes them all on close", async () => {
    const base = await testRunner();
    const warmRunner = new DockerRunner(base.docker, pino({ level: "silent" }), 1);
    for (let i = 0; i < 2; i++) {
      const compiled = await warmRunner.compile({
        language: "c",
        files: [{ name: "main.c", content: '#include <stdio.h>\nint main(void){puts("warm");return 0;}' }],
      });
      expect(compiled.ok).toBe(true);
      const session = await warmRunner.startRuns({ artifact: (compiled as { artifact: Artifact }).artifact, limits: runLimitsFor() });
      expect(await session.run({ stdin: "" })).toMatchObject({ verdict: "OK", stdout: "warm\n" });
      await session.close();
    }
    await warmRunner.close();
    const left = await base.docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`, `osprep.owner=${warmRunner.owner}`] } });
    expect(left).toEqual([]);
  });

  it("runs a job container's program under the run limits, not the compile limits it was built under", async () => {
    const probe = [
      "import os, resource",
      "limit = [f'/sys/fs/cgroup/memory/{n}' for n in ('memory.limit_in_bytes',) if os.path.exists(f'/sys/fs/cgroup/memory/{n}')] or ['/sys/fs/cgroup/memory.max']",
      "print(open(limit[0]).read().strip())",
      "for r in (resource.RLIMIT_CPU, resource.RLIMIT_FSIZE, resource.RLIMIT_NOFILE): print(*resource.getrlimit(r))",
      "print(os.getuid(), os.stat('/box/out/main.py').st_uid, os.access('/box/out', os.W_OK), os.access('/box/src', os.W_OK))",
    ].join("\n");
    const { runs } = await compileAndRun("python", { "main.py": probe }, [""], { cpuSeconds: 1, memoryMiB: 96, openFiles: 100, fileSizeMiB: 4 });
    const lines = runs[0]?.stdout.split("\n") ?? [];
    expect(lines.slice(0, 4)).toEqual([String(96 * 1024 * 1024), "2 3", `${4 * 1024 * 1024} ${4 * 1024 * 1024}`, "100 100"]);
    // The program's uid is its container's own, from the sandbox range; the build's is the next one.
    const [uid, owner, ...access] = lines[4]!.split(" ");
    expect(Number(uid)).toBeGreaterThanOrEqual(DEFAULT_UID_RANGE.first);
    expect(Number(uid)).toBeLessThanOrEqual(DEFAULT_UID_RANGE.last);
    expect(Number(owner)).toBe(Number(uid) + 1);
    expect(access).toEqual(["False", "False"]);
  });

  it("runs a session's runs through one supervisor, each run a fresh process in its own session with default signals", async () => {
    // Its parent's name, whether it leads its own session, the signals it ignores or blocks, its descriptors.
    const probe = `#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
  char path[64], line[256];
  snprintf(path, sizeof path, "/proc/%d/comm", (int)getppid());
  FILE *comm = fopen(path, "r");
  if (!comm || !fgets(line, sizeof line, comm)) return 1;
  fclose(comm);
  line[strcspn(line, "\\n")] = 0;
  printf("%s %d %s\\n", line, (int)getppid(), getsid(0) == getpid() ? "leader" : "member");
  FILE *status = fopen("/proc/self/status", "r");
  while (fgets(line, sizeof line, status)) if (!strncmp(line, "SigBlk", 6) || !strncmp(line, "SigIgn", 6)) fputs(line, stdout);
  fclose(status);
  DIR *fds = opendir("/proc/self/fd");
  int count = 0;
  while (readdir(fds)) count++;
  printf("%d descriptors\\n", count - 2);
  return 0;
}`;
    const { runs } = await compileAndRun("c", { "main.c": probe }, ["", "", ""]);
    const lines = runs.map((run) => run.stdout.split("\n"));
    expect(runs.map((run) => run.verdict)).toEqual(["OK", "OK", "OK"]);
    // comm is cut at 15 characters; the same supervisor (same pid) served all three runs.
    expect(new Set(lines.map((line) => line[0]))).toEqual(new Set([expect.stringMatching(/^osprep-supervis \d+ leader$/)]));
    // stdin, stdout, stderr and the listing's own: nothing of the supervisor's.
    expect(lines[0]!.slice(1)).toEqual(["SigBlk:\t0000000000000000", "SigIgn:\t0000000000000000", "4 descriptors", ""]);
  });

  it("passes a large input whole to a program, and the next run's input after one that read only part of its own", async () => {
    const input = `${"x".repeat(4 * 1024 * 1024)}\n`;
    const program = {
      "main.c":
        '#include <stdio.h>\nint main(void){char b[16];size_t n=0,r;if(!fgets(b,8,stdin)){puts("empty");return 0;}if(b[0]==\'s\'){puts("stopped early");return 0;}n=7;while((r=fread(b,1,16,stdin))>0)n+=r;printf("%zu\\n",n);return 0;}',
    };
    const { runs } = await compileAndRun("c", program, [input, `s${input}`, input, ""]);
    expect(runs.map((run) => run.stdout)).toEqual([`${input.length}\n`, "stopped early\n", `${input.length}\n`, "empty\n"]);
  });

  it("links an exercise's own sources from objects compiled once, unless the user writes a header", async () => {
    const runner = await testRunner();
    const driver =
      '#include <dirent.h>\n#include <stdio.h>\n#include "api.h"\nint main(void){struct dirent *e;DIR *d=opendir("/box/src");while((e=readdir(d)))if(e->d_name[0]!=\'.\')printf("%s ",e->d_name);printf("= %d\\n",answer());return 0;}';
    const build = async (files: Record<string, string>, shared: string[]) => {
      const built = await runner.buildAndStartRuns({
        language: "c",
        files: Object.entries(files).map(([name, content]) => ({ name, content })),
        limits: runLimitsFor(),
        shared,
      });
      if (!built.ok) return built.output;
      try {
        const run = await built.session.run({ stdin: "" });
        const [names = "", answer] = run.stdout.trim().split(" = ");
        return `${answer}: ${names.split(" ").sort().join(" ")}`;
      } finally {
        await built.session.close();
      }
    };
    const exercise = { "main.c": driver, "api.h": "int answer(void);\n" };
    expect(await build({ ...exercise, "user.c": "int answer(void){return 41;}\n" }, ["main.c", "api.h"])).toBe("41: api.h main.o user.c");
    expect(await build({ ...exercise, "user.c": "int answer(void){return 42;}\n" }, ["main.c", "api.h"])).toBe("42: api.h main.o user.c");
    // A header of the user's could change what the driver compiles to: then everything builds from source.
    expect(await build({ "main.c": driver, "api.h": "#define answer() 7\n" }, ["main.c"])).toBe("7: api.h main.c");
    expect(await build({ ...exercise, "user.c": "int answer(void){return 41}\n" }, ["main.c", "api.h"])).toMatch(/user\.c:1:\d+: error: expected ‘;’/);
    await runner.settled();
  });

  it("reuses a compile container for the next build, with nothing of the last build left in it", async () => {
    const base = await testRunner();
    const warmRunner = new DockerRunner(base.docker, pino({ level: "silent" }), 1);
    const compileContainers = async () =>
      (await base.docker.listContainers({ filters: { label: [`${SANDBOX_LABEL}=true`, "osprep.role=compile", `osprep.owner=${warmRunner.owner}`] } })).map(
        (c) => c.Id,
      );
    try {
      const first = await warmRunner.compile({ language: "c", files: [{ name: "secret.c", content: "int main(void){return 0;} /* someone else's code */" }] });
      expect(first.ok).toBe(true);
      await warmRunner.settled();
      const [kept] = await compileContainers();
      expect(kept).toBeDefined();
      const second = await warmRunner.compile({ language: "c", files: [{ name: "main.c", content: '#include "/box/src/secret.c"\n' }] });
      expect(second).toMatchObject({ ok: false, output: expect.stringMatching(/secret\.c: No such file/) });
      await warmRunner.settled();
      expect(await compileContainers()).toEqual([kept]);
    } finally {
      await warmRunner.close();
    }
  });

  it("leaves no container behind", async () => {
    const runner = await testRunner();
    await compileAndRun("c", { "main.c": "int main(void){return 0;}" });
    const ours = await runner.docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`, `osprep.owner=${runner.owner}`] } });
    expect(ours).toEqual([]);
  });
});
