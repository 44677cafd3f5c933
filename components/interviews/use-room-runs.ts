"use client";
// The room's runs: the list (read again whenever the server says it changed), and the run being
// graded now, followed live on every participant's screen to its result.
import { useCallback, useEffect, useRef, useState } from "react";
import { followSubmission } from "@/components/exercises/follow-submission";
import { type LiveProgress, nextProgress } from "@/components/exercises/live-progress";
import { listRoomRunsAction, roomRunAction } from "@/lib/actions/interview-actions";
import type { Language } from "@/contracts/languages";
import type { RoomRun } from "@/lib/server/interviews/room-runs";
import type { PublicSubmission } from "@/lib/validations/submissions";

export function useRoomRuns(options: { interviewId: string; initialRuns: RoomRun[]; revision: number }) {
  const { interviewId } = options;
  const [runs, setRuns] = useState(options.initialRuns);
  const [shown, setShown] = useState<{ id: string; submission: PublicSubmission | null; progress: LiveProgress | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const following = useRef<{ id: string; close(): void } | null>(null);

  useEffect(() => () => following.current?.close(), []);

  const follow = useCallback(
    (id: string, submission: PublicSubmission | null) => {
      if (following.current?.id === id) return;
      following.current?.close();
      setShown({ id, submission, progress: null });
      const followed = followSubmission({
        submissionId: id,
        interviewId,
        onProgress: (event) => setShown((previous) => (previous?.id === id ? { ...previous, progress: nextProgress(previous.progress, event) } : previous)),
        onDone: (finished) => {
          setShown((previous) => (previous?.id === id ? { ...previous, submission: finished } : previous));
          setRuns((list) => list.map((run) => (run.id === id ? { ...run, status: finished.status, verdict: finished.verdict, score: finished.score } : run)));
        },
        onLost: (message) => setProblem(message),
      });
      following.current = { id, close: () => followed.close() };
    },
    [interviewId],
  );

  // The server said the runs changed (someone pressed Run): read them, and follow a new one still being graded.
  useEffect(() => {
    if (options.revision === 0) return;
    let cancelled = false;
    void listRoomRunsAction({ interviewId }).then((listed) => {
      if (cancelled || !listed.ok) return;
      setRuns(listed.data);
      const newest = listed.data[0];
      if (newest && (newest.status === "queued" || newest.status === "running")) follow(newest.id, null);
    });
    return () => {
      cancelled = true;
    };
  }, [options.revision, interviewId, follow]);

  async function send(input: { exerciseSlug: string; language: Language; code: string; kind: "run" | "submit" }) {
    setSending(true);
    setProblem(null);
    try {
      const created = await roomRunAction({ interviewId, ...input });
      if (!created.ok) return setProblem(created.error.message);
      follow(created.data.id, created.data);
    } finally {
      setSending(false);
    }
  }

  /** Shows an earlier run's result. */
  const show = (id: string) => follow(id, null);

  return { runs, shown, problem, sending, send, show };
}
