"use client";
// What a Run or Submit came to: a verdict banner, live progress while grading, per-test rows and the
// performance panel with the reference's figures.
import { Button } from "@/components/ui/button";
import type { GradingResult, PerformanceLimit, TestResult } from "@/contracts/grading-result";
import { type LiveProgress, progressLabel, progressShare } from "@/components/exercises/live-progress";
import type { PublicSubmission } from "@/lib/validations/submissions";
import { cn } from "@/lib/utils";

const VERDICT_TEXT: Record<string, string> = {
  AC: "Accepted",
  WA: "Wrong answer",
  TLE: "Time limit exceeded",
  MLE: "Memory limit exceeded",
  OLE: "Output limit exceeded",
  RE: "Runtime error",
  CE: "Compile error",
  IE: "Internal error",
};

export function verdictText(verdict: string | null): string {
  return verdict ? (VERDICT_TEXT[verdict] ?? verdict) : "Pending";
}

export function SubmissionResult({
  submission,
  progress,
  onRetry,
}: {
  submission: PublicSubmission | null;
  progress: LiveProgress | null;
  /** Sends the same kind (Run or Submit) again, after an internal error. */
  onRetry?: (kind: "run" | "submit") => void;
}) {
  if (!submission && !progress) return null;
  const finished = submission?.status === "done" || submission?.status === "internal_error";
  return (
    <section aria-label="Result" className="flex flex-col gap-3" data-testid="submission-result">
      {!finished && progress && <ProgressBar progress={progress} queuePosition={submission?.queuePosition ?? null} />}
      {submission?.status === "internal_error" && (
        <div role="status" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          <p className="font-medium">Our fault, not yours</p>
          <p>{submission.notice}</p>
          {onRetry && (
            <Button variant="outline" size="sm" className="mt-2" onClick={() => onRetry(submission.kind)}>
              {submission.kind === "run" ? "Run again" : "Submit again"}
            </Button>
          )}
        </div>
      )}
      {submission?.status === "done" && submission.result && <Verdict result={submission.result} kind={submission.kind} />}
    </section>
  );
}

function ProgressBar({ progress, queuePosition }: { progress: LiveProgress; queuePosition: number | null }) {
  const label = progressLabel(progress, queuePosition);
  const share = progressShare(progress);
  return (
    <div className="flex flex-col gap-1.5" role="status" aria-live="polite">
      <p className="text-sm text-muted-foreground" data-testid="progress-label">
        {label}
      </p>
      {share === undefined ? (
        // No count to show: a bar that says "working", not how far.
        <div className="h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden>
          <div className="h-full w-1/4 animate-pulse rounded-full bg-primary" />
        </div>
      ) : (
        <div
          className="h-1.5 overflow-hidden rounded-full bg-muted"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
        >
          <div className="h-full bg-primary transition-all" style={{ width: `${Math.max(2, share * 100)}%` }} />
        </div>
      )}
    </div>
  );
}

/**
 * The banner's headline, tone and summary line. A Run whose own input was refused is not "Accepted"
 * (its input never ran, whatever the examples did); a compile error ran no test at all.
 */
export function verdictBanner(result: GradingResult, kind: "run" | "submit"): { headline: string; tone: "pass" | "fail" | "warn"; summary: string } {
  const refused = result.tests.find((test) => test.ownInput && test.status === "skipped");
  const ran = result.tests.filter((test) => test !== refused);
  const passed = ran.filter((test) => test.status === "pass").length;
  const counted = `${passed} of ${ran.length} ${ran.length === 1 ? "test" : "tests"} passed`;
  const performance = result.performance ? `; performance ${result.performance.passed ? "within the limits" : "outside the limits"}` : "";
  if (result.verdict === "CE") return { headline: verdictText("CE"), tone: "fail", summary: "Your code did not compile, so no test ran." };
  if (refused) {
    const what = refused.name === "your scenario" ? "scenario" : "input";
    return {
      headline: `Your ${what} was not run`,
      tone: "warn",
      summary: `It is not one this exercise accepts (see below). The examples: ${counted}${result.verdict === "AC" ? "" : ` (${verdictText(result.verdict).toLowerCase()})`}.`,
    };
  }
  return {
    headline: verdictText(result.verdict),
    tone: result.verdict === "AC" ? "pass" : "fail",
    summary: `${kind === "run" ? "Run on the public tests" : "Submission"}: ${counted}${performance}.`,
  };
}

const BANNER_TONES = {
  pass: ["border-emerald-500 bg-emerald-50 dark:bg-emerald-950", "text-emerald-800 dark:text-emerald-300"],
  fail: ["border-rose-400 bg-rose-50 dark:bg-rose-950", "text-rose-800 dark:text-rose-300"],
  warn: ["border-amber-400 bg-amber-50 dark:bg-amber-950", "text-amber-900 dark:text-amber-200"],
} as const;

function Verdict({ result, kind }: { result: GradingResult; kind: "run" | "submit" }) {
  const banner = verdictBanner(result, kind);
  const [box, text] = BANNER_TONES[banner.tone];
  return (
    <div className="flex flex-col gap-3">
      <div data-testid="verdict" data-verdict={result.verdict} data-tone={banner.tone} className={cn("rounded-md border p-3", box)}>
        <p className={cn("text-lg font-semibold", text)}>{banner.headline}</p>
        <p className="text-sm text-muted-foreground" data-testid="verdict-summary">
          {banner.summary}
        </p>
      </div>
      {result.verdict === "CE" && result.message && (
        <pre className="max-h-64 overflow-auto rounded-md bg-muted p-3 font-mono text-xs whitespace-pre-wrap" data-testid="compiler-output">
          {result.message}
        </pre>
      )}
      {result.performance && <PerformancePanel performance={result.performance} />}
      {result.tests.length > 0 && (
        <ol className="flex flex-col gap-2" aria-label="Tests">
          {result.tests.map((test) => (
            <TestRow key={test.name} test={test} />
          ))}
        </ol>
      )}
    </div>
  );
}

function TestRow({ test }: { test: TestResult }) {
  const mark = test.status === "pass" ? "✓" : test.status === "skipped" ? "–" : "✗";
  return (
    <li className="rounded-md border p-2 text-sm" data-testid="test-row" data-status={test.status}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
        <span
          aria-hidden
          className={cn("font-mono", test.status === "pass" ? "text-emerald-600" : test.status === "skipped" ? "text-muted-foreground" : "text-rose-600")}
        >
          {mark}
        </span>
        <span className="font-medium whitespace-nowrap">{test.name}</span>
        <span className="text-xs text-muted-foreground">{test.visibility === "hidden" ? "hidden" : "example"}</span>
        {test.verdict && test.verdict !== "AC" && <span className="text-xs font-medium">{verdictText(test.verdict)}</span>}
        {test.metrics && (
          <span className="ml-auto font-mono text-xs text-muted-foreground" data-testid="run-figures">
            {test.exit && `${exitText(test.exit)} · `}
            {test.metrics.cpuMs.toFixed(1)} ms CPU · {test.metrics.wallMs.toFixed(0)} ms wall
          </span>
        )}
      </div>
      {test.message && <p className="mt-1 text-muted-foreground">{test.message}</p>}
      {test.visibility === "public" && test.status === "skipped" && test.ownInput && test.input !== undefined && (
        <div className="mt-2">
          <Output label={test.name === "your scenario" ? "Your scenario" : "Your input"} text={test.input} />
        </div>
      )}
      {test.visibility === "public" && (test.output !== undefined || test.report !== undefined) && (
        // Open when the test failed; a passing test's output is one click away.
        <details open={test.status !== "pass"} className="mt-2">
          <summary className="cursor-pointer text-xs text-muted-foreground">{test.report !== undefined ? "Scenario and report" : "Input and output"}</summary>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {test.input !== undefined && <Output label={test.report !== undefined ? "Scenario" : "Input"} text={test.input} testId="input" />}
            {test.expected !== undefined && <Output label="Expected" text={test.expected} />}
            {test.report !== undefined && <Output label="The harness's report" text={test.report} testId="harness-report" />}
            {test.output !== undefined && <Output label="Your output" text={test.output} testId="output" />}
            {test.stderr && (
              <Output label={test.report !== undefined ? "Standard error (your debugging output)" : "Standard error"} text={test.stderr} testId="stderr" />
            )}
          </div>
        </details>
      )}
    </li>
  );
}

function exitText(exit: NonNullable<TestResult["exit"]>): string {
  if (exit.signal) return `killed by ${exit.signal}`;
  return exit.code === null ? "exit status unknown" : `exit ${exit.code}`;
}

function Output({ label, text, testId }: { label: string; text: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <p className="text-xs font-medium text-muted-foreground">{label}</p>
      <pre className="max-h-40 overflow-auto rounded bg-muted p-2 font-mono text-xs whitespace-pre-wrap">{text || "(nothing)"}</pre>
    </div>
  );
}

type Performance = NonNullable<GradingResult["performance"]>;

interface LimitLine {
  limit: PerformanceLimit;
  kept: boolean;
  /** "CPU time: 1.2× the reference's (at most 4×)" */
  text: string;
}

/**
 * Each limit the check applied, in words, kept or broken; results graded before the grader
 * recorded its limits get them from their figures.
 */
export function performanceLimits(performance: Performance): LimitLine[] {
  const { server, growth } = performance;
  const recorded =
    performance.limits ??
    (server
      ? [
          { limit: "throughput" as const, kept: server.throughput >= server.minThroughputRatio * server.referenceThroughput },
          { limit: "p99" as const, kept: server.p99Ms <= server.maxP99Ratio * server.referenceP99Ms },
        ]
      : [
          ...(performance.referenceCpuMs > 0 ? [{ limit: "cpu" as const, kept: performance.ratio <= performance.tolerance }] : []),
          ...(growth ? [{ limit: "growth" as const, kept: growth.passed }] : []),
        ]);
  const times = (value: number) => `${value.toFixed(2)}×`;
  return recorded.map(({ limit, kept }) => {
    const text =
      limit === "cpu"
        ? `CPU time: ${times(performance.ratio)} the reference's (at most ${times(performance.tolerance)})`
        : limit === "growth"
          ? `Growth from n to 4n: ${times(growth?.ratio ?? 0)}, the reference's ${times(growth?.referenceRatio ?? 0)} (at most ${times(growth?.maxRatio ?? 0)})`
          : limit === "throughput"
            ? `Throughput: ${times(server && server.referenceThroughput > 0 ? server.throughput / server.referenceThroughput : 0)} the reference's (at least ${times(server?.minThroughputRatio ?? 0)})`
            : `p99 latency: ${times(server && server.referenceP99Ms > 0 ? server.p99Ms / server.referenceP99Ms : 0)} the reference's (at most ${times(server?.maxP99Ratio ?? 0)})`;
    return { limit, kept, text };
  });
}

function PerformancePanel({ performance }: { performance: Performance }) {
  // Servers are compared on throughput under the same load; everything else on CPU time.
  const { server } = performance;
  const limits = performanceLimits(performance);
  const broken = limits.find((line) => !line.kept);
  // A large workload's run that failed (crashed, wrong answer) decided the verdict before any figure.
  const ranAndFailed = !performance.passed && limits.length === 0;
  const headline = performance.passed
    ? "Within every limit"
    : ranAndFailed
      ? "The large performance test failed"
      : `Decided by ${LIMIT_NAMES[broken?.limit ?? "cpu"]}`;
  const unit = server ? "requests/s" : "ms";
  const [mine, theirs] = server ? [server.throughput, server.referenceThroughput] : [performance.cpuMs, performance.referenceCpuMs];
  const max = Math.max(mine, theirs, 1);
  const bars = [
    { label: "You", value: mine, tone: performance.passed ? "bg-primary" : "bg-rose-500" },
    { label: "Reference", value: theirs, tone: "bg-muted-foreground" },
  ];
  const format = (value: number) => (server ? Math.round(value).toLocaleString("en-US") : value.toFixed(1));
  return (
    <div className="rounded-md border p-3" data-testid="performance-panel" data-passed={performance.passed}>
      <div className="mb-2 flex flex-wrap items-baseline gap-2">
        <p className="font-medium">Performance</p>
        <p
          className={cn("text-sm", performance.passed ? "text-muted-foreground" : "font-medium text-rose-700 dark:text-rose-300")}
          data-testid="performance-headline"
        >
          {headline}
        </p>
      </div>
      {limits.length > 0 && (
        <ul className="mb-2 flex flex-col gap-0.5 text-sm" aria-label="Performance limits">
          {limits.map((line) => (
            <li
              key={line.limit}
              data-testid="performance-limit"
              data-limit={line.limit}
              data-kept={line.kept}
              className={cn(!line.kept && "font-medium text-rose-700 dark:text-rose-300")}
            >
              <span aria-hidden className={cn("mr-1.5 font-mono", line.kept ? "text-emerald-600" : "text-rose-600")}>
                {line.kept ? "✓" : "✗"}
              </span>
              <span className="sr-only">{line.kept ? "kept: " : "broken: "}</span>
              {line.text}
            </li>
          ))}
        </ul>
      )}
      {!ranAndFailed && (mine > 0 || theirs > 0) && (
        <div
          className="flex flex-col gap-1.5"
          role="img"
          aria-label={`${server ? "Throughput" : "CPU time"}: yours ${format(mine)} ${unit}, reference ${format(theirs)} ${unit}`}
        >
          {bars.map((bar) => (
            <div key={bar.label} className="flex items-center gap-2 text-xs">
              <span className="w-16 text-muted-foreground">{bar.label}</span>
              <div className="h-3 flex-1 rounded bg-muted">
                <div className={cn("h-3 rounded", bar.tone)} style={{ width: `${Math.max(1, (bar.value / max) * 100)}%` }} />
              </div>
              <span className="w-28 text-right font-mono">
                {format(bar.value)} {unit}
              </span>
            </div>
          ))}
        </div>
      )}
      <p className="mt-2 text-xs text-muted-foreground">{performance.message}</p>
    </div>
  );
}

const LIMIT_NAMES: Record<PerformanceLimit, string> = {
  cpu: "CPU time",
  growth: "how the cost grows with the input",
  throughput: "throughput",
  p99: "p99 latency",
};
