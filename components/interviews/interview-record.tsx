"use client";
// What is kept of an interview and for how long, said to everyone in the room; and for an owner of
// the team, deleting it with everything recorded (not while it runs).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { deleteInterviewAction } from "@/lib/actions/interview-actions";

export function InterviewRecord({ interviewId, mayDelete, live }: { interviewId: string; mayDelete: boolean; live: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section aria-label="What is kept" className="flex flex-wrap items-center gap-2 border-t pt-3 text-xs text-muted-foreground" data-testid="interview-record">
      <p className="max-w-3xl">
        osprep keeps this interview (the shared code with every edit and who made it, sampled cursor positions, the timer, hints opened, the runs and their
        results, the interviewers&apos; notes and scorecards) until an owner of the team deletes it, or the team is deleted. Its participants can replay it; the
        interviewers&apos; notes and scorecards are never shown to the candidate.
      </p>
      {mayDelete &&
        (confirming ? (
          <span className="flex items-center gap-2">
            <span className="text-destructive">Delete the interview, its code, runs, recording, notes and scorecards? This cannot be undone.</span>
            <Button
              size="sm"
              variant="destructive"
              onClick={async () => {
                const result = await deleteInterviewAction({ interviewId });
                if (!result.ok) return setProblem(result.error.message);
                router.push("/interviews");
              }}
            >
              Delete for good
            </Button>
            <Button size="sm" variant="outline" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </span>
        ) : (
          <Button size="sm" variant="outline" disabled={live} title={live ? "End the interview first" : undefined} onClick={() => setConfirming(true)}>
            Delete interview
          </Button>
        ))}
      {problem && (
        <p role="alert" className="text-destructive">
          {problem}
        </p>
      )}
    </section>
  );
}
