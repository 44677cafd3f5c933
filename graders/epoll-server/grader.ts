// epoll-server: a Redis-protocol (RESP2) server judged from outside by the trusted tool in tool/
// (Go, talking over the server's loopback). Each test is one scenario of the tool, all against the
// same server process: the protocol, pipelining, requests in pieces, a client that pauses
// mid-request, a client that never reads, large values read slowly, abrupt disconnects, 10,000
// connections, idle clients. The host watches the process meanwhile: one thread, descriptors
// released, no CPU while idle, an epoll instance watching its sockets. Submit adds pipelined load
// against the reference server in the same job.
import { defineServerGrader, type HarnessReport, type ServerTestCase } from "@/graders/core/types";

const CONNECTIONS = 10_000;

/** What each scenario's report must show it did, so a report from the wrong scenario never passes. */
const proof: Record<string, (report: HarnessReport) => boolean> = {
  commands: (report) => Number(report.checked) >= 88,
  pipeline: (report) => report.requests === 11_000,
  fragments: (report) => report.requests === 300,
  "slow-client": (report) => typeof report.servedMs === "number",
  "stuck-reader": (report) => report.unreadCopies === 32 && typeof report.servedMs === "number",
  "large-values": (report) => Number(report.bytes) > 24 * 1024 * 1024,
  disconnects: (report) => report.clients === 300,
  many: (report) => report.connections === CONNECTIONS,
  idle: (report) => Number(report.idleSeconds) > 0,
};

const tests: ServerTestCase[] = [
  {
    name: "every command and error",
    visibility: "public",
    args: ["commands"],
    wallSeconds: 20,
    description: "PING, ECHO, SET, GET, DEL, EXISTS, INCR and their errors, as arrays and inline",
  },
  {
    name: "pipelining",
    visibility: "public",
    args: ["pipeline"],
    wallSeconds: 20,
    description: "1,000 requests in one write, then 20 clients pipelining 500 each",
  },
  {
    name: "requests in pieces",
    visibility: "hidden",
    args: ["fragments"],
    wallSeconds: 30,
    description: "requests cut at every byte, then a stream sent 1 to 7 bytes at a time",
  },
  {
    name: "a client pauses mid-request",
    visibility: "hidden",
    args: ["slow-client"],
    wallSeconds: 30,
    singleThreaded: true,
    description: "one client stops halfway through a request while four others are served",
  },
  {
    name: "a client never reads its replies",
    visibility: "hidden",
    args: ["stuck-reader"],
    wallSeconds: 30,
    singleThreaded: true,
    description: "one client asks for 32 MiB of replies and reads none while four others are served",
  },
  {
    name: "large values, slow readers",
    visibility: "hidden",
    args: ["large-values"],
    wallSeconds: 60,
    description: "four clients store 2 MiB values and read three copies each, slowly",
  },
  {
    name: "abrupt disconnects",
    visibility: "hidden",
    args: ["disconnects"],
    wallSeconds: 30,
    releasesDescriptors: true,
    description: "300 clients vanish mid-request, mid-reply or at once",
  },
  {
    name: "10,000 connections",
    visibility: "hidden",
    args: ["many", String(CONNECTIONS)],
    wallSeconds: 90,
    singleThreaded: true,
    releasesDescriptors: true,
    description: "10,000 clients connected at once, each storing and reading its own key",
  },
  {
    name: "idle clients",
    visibility: "hidden",
    args: ["idle", "0.8"],
    wallSeconds: 30,
    maxCpuShare: 0.25,
    usesEpoll: true,
    quiet: true,
    cpuHint: "the loop spins instead of sleeping in epoll_wait. Ask for EPOLLOUT only while output is waiting, or use edge-triggered events.",
    description: "50 clients connected and silent for 0.8 s",
  },
];

export default defineServerGrader({
  sourceRules: {
    go: [
      { modules: ["net"], why: "Go's net package runs an event loop for you (its netpoller); build yours with syscall.EpollCreate1, EpollCtl and EpollWait." },
    ],
    python: [{ modules: ["asyncio"], why: "asyncio runs an event loop for you; build yours with select.epoll." }],
  },
  tool: { language: "go", limits: { openFiles: 20_000, memoryMiB: 1024, pids: 64 } },
  tests: () => tests,
  check: (test, report) =>
    proof[test.args[0] ?? ""]?.(report) ? { ok: true } : { ok: false, message: `The grading tool's report does not match the test ${test.name}.` },
  performance: {
    // Twenty connections, each sending 96 pipelined requests (SET, GET, PING) per batch, for 1 s.
    test: { name: "pipelined load", visibility: "hidden", args: ["load", "20", "96", "1"], wallSeconds: 30 },
    measure: (report) => ({ throughput: Number(report.throughput), p99Ms: Number(report.p99Ms) }),
    generatorCapacity: (report) => Number(report.generatorCapacity),
    minThroughputRatio: 0.5,
    maxP99Ratio: 5,
  },
});
