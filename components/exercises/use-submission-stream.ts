"use client";
// A Run or Submit from the exercise page: sent as a server action, then followed on its progress
// stream (follow-submission.ts) to its result; and whether any grading worker is alive to take it.
import { useCallback, useEffect, useRef, useState } from "react";
import { submitCodeAction } from "@/lib/actions/exercise-actions";
import { fetchSubmission, followSubmission } from "@/components/exercises/follow-submission";
import { type LiveProgress, nextProgress } from "@/components/exercises/live-progress";
import type { Language } from "@/contracts/languages";
import type { GradingStatus } from "@/lib/server/grading/get-grading-status";
import type { PublicSubmission } from "@/lib/validations/submissions";

export function useSubmissionStream(options: {
  slug: string;
  /** A submission was accepted and is waiting to be graded. */
  onCreated: (submission: PublicSubmission, code: string) => void;
  /** Its result arrived. */
  onFinished: (submission: PublicSubmission) => void;
}) {
  const [submission, setSubmission] = useState<PublicSubmission | null>(null);
  const [progress, setProgress] = useState<LiveProgress | null>(null);
  /** Why the last Run or Submit could not go on: a sentence for the user. */
  const [problem, setProblem] = useState<string | null>(null);
  const [grading, setGrading] = useState<GradingStatus>("ok");
  const following = useRef<{ close(): void } | null>(null);
  /** Older submissions still being graded after a reload, followed for their history rows only. */
  const watching = useRef<{ close(): void }[]>([]);
  const callbacks = useRef(options);
  callbacks.current = options;
  const busy = progress !== null && progress.phase !== "done";

  useEffect(
    () => () => {
      following.current?.close();
      for (const watched of watching.current) watched.close();
    },
    [],
  );

  // The page is prerendered, so whether any worker is alive is asked for here: on opening, and with each submission.
  const checkGrading = useCallback(async () => {
    const health = await fetch("/api/health", { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ grading?: GradingStatus }>) : null))
      .catch(() => null);
    if (health?.grading) setGrading(health.grading);
  }, []);

  useEffect(() => {
    void checkGrading();
  }, [checkGrading]);

  /** Follows `id` to its result; `shown` drives the result panel, otherwise only its history row is updated. */
  function follow(id: string, shown = true) {
    const followed = followSubmission({
      submissionId: id,
      onProgress: (event) => {
        if (!shown) return;
        if (event.type === "started") setGrading("ok"); // a worker took it
        setProgress((previous) => nextProgress(previous, event));
      },
      onDone: (finished) => {
        callbacks.current.onFinished(finished);
        if (!shown) return;
        setSubmission(finished);
        setProgress({ phase: "done", testsDone: 0, testsTotal: 0 });
      },
      onLost: (message) => {
        if (!shown) return;
        setProgress(null); // Run and Submit work again
        setProblem(message);
      },
    });
    if (shown) following.current = followed;
    else watching.current.push(followed);
  }

  /**
   * After a reload: the latest submission's result is shown again, or its progress followed if it is
   * still being graded; older ones still being graded are followed for their history rows.
   */
  async function resume(latestId: string, stillGrading: string[]) {
    const latest = await fetchSubmission(latestId);
    if (!latest || following.current) return; // gone, or the user sent another meanwhile
    for (const id of stillGrading) if (id !== latestId) follow(id, false);
    setSubmission(latest);
    if (latest.status === "done" || latest.status === "internal_error") {
      setProgress({ phase: "done", testsDone: 0, testsTotal: 0 });
      callbacks.current.onFinished(latest);
      return;
    }
    setProgress({ phase: latest.status === "running" ? "starting" : "queued", testsDone: 0, testsTotal: 0 });
    follow(latestId);
  }

  /** Sends a Run or Submit; false when it was not accepted (`problem` says why). */
  async function send(input: { kind: "run" | "submit"; language: Language; code: string; stdin?: string }): Promise<boolean> {
    if (busy) return false;
    setProblem(null);
    following.current?.close();
    setSubmission(null);
    setProgress({ phase: "sending", testsDone: 0, testsTotal: 0 });
    const result = await submitCodeAction({ exerciseSlug: options.slug, ...input });
    if (!result.ok) {
      setProgress(null);
      setProblem(result.error.message);
      return false;
    }
    const created = result.data;
    setSubmission(created);
    setProgress({ phase: "queued", testsDone: 0, testsTotal: 0 });
    callbacks.current.onCreated(created, input.code);
    if (created.status === "queued") void checkGrading();
    follow(created.id);
    return true;
  }

  return { submission, progress, busy, grading, problem, setProblem, send, resume };
}
