"use client";
// A Run or Submit from the exercise page: sent as a server action, then followed on its progress
// stream (follow-submission.ts) to its result; and whether any grading worker is alive to take it.
import { useCallback, useEffect, useRef, useState } from "react";
import { submitCodeAction } from "@/app/exercises/[slug]/actions";
import { followSubmission } from "@/components/exercises/follow-submission";
import type { LiveProgress } from "@/components/exercises/submission-result";
import type { Language } from "@/lib/exercises/manifest";
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
  const callbacks = useRef(options);
  callbacks.current = options;
  const busy = progress !== null && progress.phase !== "done";

  useEffect(() => () => following.current?.close(), []);

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

  function follow(id: string) {
    following.current = followSubmission({
      submissionId: id,
      onProgress: (event) => {
        if (event.type === "started") setGrading("ok"); // a worker took it
        setProgress((previous) => {
          const base = previous ?? { phase: "queued" as const, testsDone: 0, testsTotal: 0 };
          if (event.type === "test") return { phase: "testing", testsDone: event.index, testsTotal: event.total };
          if (event.type === "started") return { ...base, phase: "compiling" };
          if (event.type === "performance") return { ...base, phase: "performance" };
          return { ...base, phase: event.type };
        });
      },
      onDone: (finished) => {
        setSubmission(finished);
        setProgress({ phase: "done", testsDone: 0, testsTotal: 0 });
        callbacks.current.onFinished(finished);
      },
      onLost: (message) => {
        setProgress(null); // Run and Submit work again
        setProblem(message);
      },
    });
  }

  async function send(input: { kind: "run" | "submit"; language: Language; code: string; stdin?: string }) {
    if (busy) return;
    setProblem(null);
    following.current?.close();
    setSubmission(null);
    setProgress({ phase: "sending", testsDone: 0, testsTotal: 0 });
    const result = await submitCodeAction({ exerciseSlug: options.slug, ...input });
    if (!result.ok) {
      setProgress(null);
      setProblem(result.error.message);
      return;
    }
    const created = result.data;
    setSubmission(created);
    setProgress({ phase: "queued", testsDone: 0, testsTotal: 0 });
    callbacks.current.onCreated(created, input.code);
    if (created.status === "queued") void checkGrading();
    follow(created.id);
  }

  return { submission, progress, busy, grading, problem, setProblem, send };
}
