import "server-only";
// Which of the interview's planned questions (the interviewer's own, spoken aloud, and the bank's)
// the interviewers marked as asked, with the interview's clock then: a checklist in the room, a
// signal for the scorecard and a moment of the replay. Interviewers only.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { interviewClockMs } from "@/lib/interviews/interview-phase";
import { requireInterviewer, type Viewer } from "@/lib/server/interviews/room-access";

export type AskedQuestions = Record<string, { clockMs: number | null; askedBy: string }>;

/** The keys of the interview's planned questions: "spoken:<index>" and "bank:<slug>". */
export function questionKeys(interview: { questions: string[]; questionSlugs: string[] }): string[] {
  return [...interview.questions.map((_, index) => `spoken:${index}`), ...interview.questionSlugs.map((slug) => `bank:${slug}`)];
}

/** The marks; for a caller that has checked the viewer is one of the interview's interviewers (getRoom). */
export async function readAsked(interviewId: string): Promise<AskedQuestions> {
  const rows = await db.interviewQuestionAsked.findMany({
    where: { interviewId },
    select: { questionKey: true, clockMs: true, askedBy: { select: { name: true } } },
  });
  return Object.fromEntries(rows.map((row) => [row.questionKey, { clockMs: row.clockMs, askedBy: row.askedBy.name }]));
}

export async function markAsked({
  interviewId,
  viewer,
  questionKey,
  asked,
  now = new Date(),
}: {
  interviewId: string;
  viewer: Viewer;
  questionKey: string;
  asked: boolean;
  now?: Date;
}): Promise<AskedQuestions> {
  const { interview, participant } = await requireInterviewer({ interviewId, viewer });
  if (!questionKeys(interview).includes(questionKey)) throw new AppError("INVALID_INPUT", "That is not one of this interview's planned questions.");
  if (asked) {
    const clockMs = interviewClockMs(interview, now);
    // Asked once: marking it again keeps the first moment.
    await db.interviewQuestionAsked.upsert({
      where: { interviewId_questionKey: { interviewId, questionKey } },
      create: { interviewId, questionKey, askedById: participant.id, clockMs, askedAt: now },
      update: {},
    });
  } else await db.interviewQuestionAsked.deleteMany({ where: { interviewId, questionKey } });
  return readAsked(interviewId);
}
