"use client";
// What a Run or Submit came to: a verdict banner, live progress while grading, per-test rows and the
// performance panel with the reference's figures.
import { Button } from "@/components/ui/button";
import type { GradingResult, TestResult } from "@/graders/core/results";
import type { PublicSubmission } from "@/lib/validations/submissions";
import { cn } from "@/lib/utils";

export interface LiveProgress {
  phase: "sending" | "queued" | "compiling" | "testing" | "performance" | "retrying" | "done";
  testsDone: number;
  testsTotal: number;
}

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

const PHASE_TEXT: Record<LiveProgress["phase"], string> = {
  sending: "Sending…",
  queued: "Waiting in the queue…",
  compiling: "Compiling…",
  testing: "Running tests…",
  performance: "Measuring performance against the reference…",
  retrying: "Something went wrong on our side; trying again…",
  done: "Done",
};

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
  const share = progress.testsTotal > 0 ? progress.testsDone / progress.testsTotal : 0;
  const label =
    progress.phase === "queued" && queuePosition && queuePosition > 1
      ? `Waiting in the queue (position ${queuePosition})…`
      : progress.phase === "testing"
        ? `Running tests: ${progress.testsDone} of ${progress.testsTotal}`
        : PHASE_TEXT[progress.phase];
  return (
    <div className="flex flex-col gap-1.5" role="status" aria-live="polite">
      <p className="text-sm text-muted-foreground">{label}</p>
      <div className="h-1.5 overflow-hidden rounded-full bg-muted">
        <div
          className={cn("h-full bg-primary transition-all", progress.phase !== "testing" && "animate-pulse")}
          style={{ width: `${progress.phase === "testing" ? Math.max(4, share * 100) : progress.phase === "performance" ? 100 : 8}%` }}
        />
      </div>
    </div>
  );
}

function Verdict({ result, kind }: { result: GradingResult; kind: "run" | "submit" }) {
  const accepted = result.verdict === "AC";
  const passed = result.tests.filter((t) => t.status === "pass").length;
  return (
    <div className="flex flex-col gap-3">
      <div
        data-testid="verdict"
        data-verdict={result.verdict}
        className={cn(
          "rounded-md border p-3",
          accepted ? "border-emerald-500 bg-emerald-50 dark:bg-emerald-950" : "border-rose-400 bg-rose-50 dark:bg-rose-950",
        )}
      >
        <p className={cn("text-lg font-semibold", accepted ? "text-emerald-800 dark:text-emerald-300" : "text-rose-800 dark:text-rose-300")}>
          {verdictText(result.verdict)}
        </p>
        <p className="text-sm text-muted-foreground">
          {kind === "run" ? "Run on the public tests" : "Submission"}: {passed} of {result.tests.length} tests passed
          {result.performance ? `, performance ${result.performance.passed ? "within" : "outside"} the limit` : ""}.
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
      <div className="flex items-center gap-2">
        <span aria-hidden className={cn("font-mono", test.status === "pass" ? "text-emerald-600" : test.status === "skipped" ? "text-muted-foreground" : "text-rose-600")}>
          {mark}
        </span>
        <span className="font-medium">{test.name}</span>
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
      {test.visibility === "public" && test.output !== undefined && (
        // Open when the test failed; a passing test's output is one click away.
        <details open={test.status !== "pass"} className="mt-2">
          <summary className="cursor-pointer text-xs text-muted-foreground">Input and output</summary>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {test.expected !== undefined && <Output label="Expected" text={test.expected} />}
            <Output label="Your output" text={test.output} />
            {test.stderr && <Output label="Standard error" text={test.stderr} testId="stderr" />}
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

function PerformancePanel({ performance }: { performance: NonNullable<GradingResult["performance"]> }) {
  // Servers are compared on throughput under the same load; everything else on CPU time.
  const { server } = performance;
  const unit = server ? "requests/s" : "ms";
  const [mine, theirs] = server ? [server.throughput, server.referenceThroughput] : [performance.cpuMs, performance.referenceCpuMs];
  const max = Math.max(mine, theirs, 1);
  const bars = [
    { label: "You", value: mine, tone: performance.passed ? "bg-primary" : "bg-rose-500" },
    { label: "Reference", value: theirs, tone: "bg-muted-foreground" },
  ];
  const format = (value: number) => (server ? Math.round(value).toLocaleString("en-US") : value.toFixed(1));
  return (
    <div className="rounded-md border p-3" data-testid="performance-panel">
      <div className="mb-2 flex items-baseline gap-2">
        <p className="font-medium">Performance</p>
        <p className="text-sm text-muted-foreground" data-testid="performance-ratio">
          {performance.ratio.toFixed(2)}× the reference (limit {performance.tolerance.toFixed(2)}×)
        </p>
      </div>
      <div className="flex flex-col gap-1.5" role="img" aria-label={`${server ? "Throughput" : "CPU time"}: yours ${format(mine)} ${unit}, reference ${format(theirs)} ${unit}`}>
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
      {performance.growth && (
        <p className="mt-2 text-xs text-muted-foreground">
          Growth from n to 4n: yours {performance.growth.ratio.toFixed(2)}×, reference {performance.growth.referenceRatio.toFixed(2)}× (limit{" "}
          {performance.growth.maxRatio.toFixed(2)}×).
        </p>
      )}
      <p className="mt-2 text-xs text-muted-foreground">{performance.message}</p>
    </div>
  );
}
