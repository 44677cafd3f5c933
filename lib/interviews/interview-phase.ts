// Where an interview is in its life, from its timer: planned (not started), live, finished (ended
// by an interviewer, or its time ran out).
export type InterviewPhase = "planned" | "live" | "finished";

export interface InterviewTimer {
  startedAt: Date | null;
  endsAt: Date | null;
  endedAt: Date | null;
}

export function interviewPhase(timer: InterviewTimer, now = Date.now()): InterviewPhase {
  if (timer.endedAt || (timer.endsAt && timer.endsAt.getTime() <= now)) return "finished";
  return timer.startedAt ? "live" : "planned";
}

/** When the interview ended, or null while it has not. */
export function endedAt(timer: InterviewTimer, now = Date.now()): Date | null {
  if (timer.endedAt) return timer.endedAt;
  return timer.endsAt && timer.endsAt.getTime() <= now ? timer.endsAt : null;
}

/** The interview's clock at `now`: milliseconds since it started (null before the start), as notes and asked questions are stamped. */
export function interviewClockMs(timer: Pick<InterviewTimer, "startedAt">, now: Date): number | null {
  return timer.startedAt ? Math.max(0, now.getTime() - timer.startedAt.getTime()) : null;
}
