// A submission's live progress on the exercise page: the state each streamed event leads to, and
// what the progress line says (each phase named for what it is, with its count where one is known).
import type { SubmissionEvent } from "@/lib/validations/submissions";

export interface LiveProgress {
  phase: "sending" | "queued" | "starting" | "compiling" | "testing" | "performance" | "retrying" | "done";
  /** compiling: what the build does (Python's is a syntax check; a server is also started). */
  step?: "checking" | "building" | "starting";
  testsDone: number;
  testsTotal: number;
  /** testing: the test now running, 1-based. */
  running?: number;
  /** performance: measurements made, of at most `planned`. */
  measured?: number;
  planned?: number;
}

/** The progress a streamed event leads to from `previous`. */
export function nextProgress(previous: LiveProgress | null, event: SubmissionEvent): LiveProgress {
  const base: LiveProgress = { phase: "queued", testsDone: previous?.testsDone ?? 0, testsTotal: previous?.testsTotal ?? 0 };
  switch (event.type) {
    case "started":
      return { ...base, phase: "starting" };
    case "compiling":
      return { ...base, phase: "compiling", step: event.step };
    case "test-started":
      return { phase: "testing", testsDone: event.index - 1, testsTotal: event.total, running: event.index };
    case "test":
      return { phase: "testing", testsDone: event.index, testsTotal: event.total };
    case "performance":
      if (event.state === "measuring") return { ...base, phase: "performance", measured: event.done, planned: event.planned };
      return previous?.phase === "performance" ? previous : { ...base, phase: "performance" };
    case "done":
      return { ...base, phase: "done" };
    default:
      return { ...base, phase: event.type };
  }
}

/** What the progress line says: each phase named for what it is, with its count where one is known. */
export function progressLabel(progress: LiveProgress, queuePosition: number | null): string {
  switch (progress.phase) {
    case "queued":
      return queuePosition && queuePosition > 1 ? `Waiting in the queue (position ${queuePosition})…` : "Waiting in the queue…";
    case "compiling":
      return progress.step === "checking"
        ? "Checking your code's syntax…"
        : progress.step === "starting"
          ? "Building and starting your server…"
          : "Building your code…";
    case "testing":
      return progress.running !== undefined
        ? `Running test ${progress.running} of ${progress.testsTotal}…`
        : `${progress.testsDone} of ${progress.testsTotal} tests run…`;
    case "performance":
      return progress.planned !== undefined
        ? `Measuring performance against the reference: run ${Math.min((progress.measured ?? 0) + 1, progress.planned)} of at most ${progress.planned}…`
        : "Measuring performance against the reference…";
    default:
      return PHASE_TEXT[progress.phase];
  }
}

/** The share done, where a count is known (tests, performance runs); undefined where it is not. */
export function progressShare(progress: LiveProgress): number | undefined {
  if (progress.phase === "testing" && progress.testsTotal > 0) return progress.testsDone / progress.testsTotal;
  if (progress.phase === "performance" && progress.planned) return (progress.measured ?? 0) / progress.planned;
  return undefined;
}

const PHASE_TEXT: Record<LiveProgress["phase"], string> = {
  sending: "Sending…",
  queued: "Waiting in the queue…",
  starting: "Preparing a sandbox…",
  compiling: "Building your code…",
  testing: "Running the tests…",
  performance: "Measuring performance against the reference…",
  retrying: "Something went wrong on our side; trying again…",
  done: "Done",
};
