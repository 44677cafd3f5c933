// The server fixture's grader: every line echoed to every client; one thread; descriptors released.
import { defineServerGrader } from "@/graders/core/types";

const clients = (count: number, lines: number) => [String(count), String(lines)];

export default defineServerGrader({
  tool: { language: "python" },
  tests: () => [
    { name: "one client", visibility: "public", args: clients(1, 10), wallSeconds: 20, description: "1 client, 10 lines" },
    { name: "many clients", visibility: "hidden", args: clients(40, 20), wallSeconds: 30, singleThreaded: true, description: "40 clients at once" },
    { name: "clients leave", visibility: "hidden", args: clients(30, 5), wallSeconds: 30, releasesDescriptors: true, description: "30 clients come and go" },
  ],
  check: (test, report) => {
    const expected = Number(test.args[0]) * Number(test.args[1]);
    return report.echoed === expected ? { ok: true } : { ok: false, message: `${String(report.echoed)} lines echoed, ${expected} sent.` };
  },
  performance: {
    test: { name: "load", visibility: "hidden", args: clients(10, 200), wallSeconds: 60 },
    measure: (report) => ({ throughput: Number(report.throughput), p99Ms: Number(report.p99Ms) }),
    minThroughputRatio: 0.3,
    maxP99Ratio: 10,
  },
});
