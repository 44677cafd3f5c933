// Server mode: the submission serves on its loopback; a trusted tool in a second hardened container
// that shares only that loopback talks to it and reports.
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { SANDBOX_LABEL } from "@/sandbox/docker/container-config";
import { runLimitsFor } from "@/sandbox/limits";
import { testRunner } from "@/sandbox/test/support";

const ECHO_SERVER = `
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(7000), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(s, (struct sockaddr *)&a, sizeof a) || listen(s, 16)) { perror("bind"); return 1; }
    puts("listening");
    fflush(stdout);
    for (;;) {
        int c = accept(s, 0, 0);
        char buffer[256];
        ssize_t n = read(c, buffer, sizeof buffer);
        if (n > 0) write(c, buffer, (size_t)n);
        close(c);
    }
}`;

const PROBE = `
import json, socket, time
report = {}
for attempt in range(50):
    try:
        with socket.create_connection(("127.0.0.1", 7000), timeout=2) as c:
            c.sendall(b"ping\\n")
            report["echo"] = c.recv(64).decode()
        break
    except OSError:
        time.sleep(0.1)
try:
    socket.create_connection(("1.1.1.1", 53), timeout=1).close()
    report["internet"] = "reachable"
except OSError:
    report["internet"] = "unreachable"
print(json.dumps(report))
`;

describe("server mode", () => {
  it("lets a trusted tool reach the server on loopback, and nothing else", async () => {
    const runner = await testRunner();
    const compiled = await runner.compile({ language: "c", files: [{ name: "main.c", content: ECHO_SERVER }] });
    if (!compiled.ok) throw new Error(compiled.output);
    const server = await runner.startServer({ artifact: compiled.artifact, limits: runLimitsFor() });
    const report = await server.probe({ image: "python", command: ["python3", "probe.py"], files: [{ name: "probe.py", content: PROBE }], wallSeconds: 20 });
    const ended = await server.stop();
    await runner.settled();

    expect(report.exitCode).toBe(0);
    expect(JSON.parse(report.stdout)).toEqual({ echo: "ping\n", internet: "unreachable" });
    expect(ended).toMatchObject({ verdict: "OK", stdout: "listening\n" });
    const left = await runner.docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`, `osprep.owner=${runner.owner}`] } });
    expect(left).toEqual([]);
  });

  it.runIf(availableParallelism() > 1)("never pins a tool to the server's CPU, probe after probe", async () => {
    const runner = await testRunner();
    const compiled = await runner.compile({ language: "c", files: [{ name: "main.c", content: ECHO_SERVER }] });
    if (!compiled.ok) throw new Error(compiled.output);
    const server = await runner.startServer({ artifact: compiled.artifact, limits: runLimitsFor() });
    // "0,2-3" → [0, 2, 3]
    const cpusOf = (status: string) =>
      (/^Cpus_allowed_list:\s+(\S+)/m.exec(status)?.[1] ?? "").split(",").flatMap((range) => {
        const [from, to = from] = range.split("-").map(Number);
        return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
      });
    try {
      let [serving] = await server.processes();
      for (let wait = 0; !serving && wait < 50; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        [serving] = await server.processes();
      }
      const serverCpus = cpusOf(await readFile(`/proc/${serving!.pid}/status`, "utf8"));
      expect(serverCpus).toHaveLength(1);
      const toolCpus: number[][] = [];
      for (let probe = 0; probe < 3; probe++) {
        const report = await server.probe({
          image: "python",
          command: ["python3", "-c", "print(open('/proc/self/status').read())"],
          files: [],
          wallSeconds: 20,
        });
        toolCpus.push(cpusOf(report.stdout));
      }
      for (const cpus of toolCpus) {
        expect(cpus.length).toBeGreaterThan(0);
        expect(cpus).not.toContain(serverCpus[0]);
      }
    } finally {
      await server.stop();
      await runner.settled();
    }
  });

  it("reports a server that crashes before it is probed", async () => {
    const runner = await testRunner();
    const compiled = await runner.compile({ language: "c", files: [{ name: "main.c", content: "int main(void){return 4;}" }] });
    if (!compiled.ok) throw new Error(compiled.output);
    const server = await runner.startServer({ artifact: compiled.artifact, limits: runLimitsFor() });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ended = await server.stop();
    await runner.settled();
    expect(ended).toMatchObject({ verdict: "RE", exitCode: 4 });
  });
});
