// The epoll server's grader judges the protocol, not one implementation's quirks: a real
// redis-server (Debian's, from the sandbox's `redis` image) passes every correctness test. And the
// reference speaks real Redis to real clients: redis-cli and redis-benchmark get their answers.
import { afterAll, describe, expect, it } from "vitest";
import { gradeServer } from "@/graders/core/grade-server";
import type { ServingProgram } from "@/contracts/programs";
import type { ServerGrader } from "@/graders/core/types";
import grader from "@/graders/epoll-server/grader";
import { loadExercise } from "@/lib/exercises/load-exercise";
import { readReferenceSolution, readToolFiles } from "@/graders/core/load-grader";
import { runLimitsFor } from "@/sandbox/limits";
import type { ServerSession } from "@/sandbox/runner";
import { testRunner } from "@/sandbox/test/support";
import { servingProgram } from "@/sandbox/docker/program-builder";
import type { ToolRun } from "@/contracts/programs";

const runner = await testRunner();
const exercise = await loadExercise("epoll-server");
const limits = runLimitsFor(exercise.manifest.limits);
afterAll(() => runner.settled());

/**
 * The grader's tests with the behaviour checks left out: Redis runs helper threads of its own by
 * design. The epoll check stays: Redis's event loop is on epoll, so it proves that check too.
 */
const protocolOnly: ServerGrader = {
  ...grader,
  performance: undefined,
  tests: (seed) => grader.tests(seed).map(({ singleThreaded: _threads, releasesDescriptors: _descriptors, maxCpuShare: _cpu, ...test }) => test),
};

async function probedByTool(session: ServerSession): Promise<ServingProgram> {
  const tool = await runner.compile({ language: grader.tool.language, files: await readToolFiles("epoll-server") });
  if (!tool.ok) throw new Error(tool.output);
  return servingProgram(session, tool.artifact, grader.tool.limits);
}

describe("the epoll server's grader against real Redis", () => {
  it("accepts a real redis-server on every correctness test", async () => {
    const session = await runner.startServer({
      image: "redis",
      command: ["redis-server", "--port", "6379", "--save", "", "--appendonly", "no", "--dir", "/tmp"],
      limits,
    });
    const result = await gradeServer({ grader: protocolOnly, mode: "submit", server: await probedByTool(session) });
    const failed = result.tests.filter((test) => test.status !== "pass");
    expect(failed, JSON.stringify(failed)).toEqual([]);
    expect(result.tests).toHaveLength(grader.tests(grader.seed).length);
    expect(result.verdict).toBe("AC");
  });

  it("serves redis-cli and redis-benchmark from the C reference", async () => {
    const compiled = await runner.compile({
      language: "c",
      files: [{ name: "server.c", content: await readReferenceSolution("epoll-server", "c", "server.c") }],
    });
    if (!compiled.ok) throw new Error(compiled.output);
    const session = await runner.startServer({ artifact: compiled.artifact, limits });
    const clients = [
      "set -e",
      "sleep 0.3",
      "redis-cli -p 6379 PING",
      'redis-cli -p 6379 SET greeting "hello world"',
      "redis-cli -p 6379 GET greeting",
      "redis-cli -p 6379 INCR visits",
      "redis-cli -p 6379 INCR visits",
      "redis-cli -p 6379 EXISTS greeting nothing greeting",
      "redis-cli -p 6379 DEL greeting nothing",
      "redis-benchmark -p 6379 -q -n 20000 -c 20 -P 16 -t ping,set,get,incr 2>/dev/null | tr '\\r' '\\n' | grep 'requests per second,'",
    ].join("\n");
    let report: ToolRun;
    try {
      report = await session.probe({ image: "redis", files: [{ name: "clients.sh", content: clients }], command: ["sh", "clients.sh"], wallSeconds: 60 });
    } finally {
      await session.stop();
    }
    expect(report.exitCode, report.stderr).toBe(0);
    const lines = report.stdout.trim().split("\n");
    expect(lines.slice(0, 7)).toEqual(["PONG", "OK", "hello world", "1", "2", "2", "1"]);
    for (const test of ["PING_INLINE", "PING_MBULK", "SET", "GET", "INCR"]) {
      expect(
        lines.find((line) => line.startsWith(`${test}: `)),
        report.stdout,
      ).toMatch(/requests per second/);
    }
  });
});
