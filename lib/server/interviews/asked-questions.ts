import "server-only";
// Which of the interview's planned questions (the interviewer's own, spoken aloud, and the bank's)
// the interviewers marked as asked, with the interview's clock then: a checklist in the room, a
// signal for the scorecard and a moment of the replay. Interviewers only.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { interviewClockMs } from "@/lib/interviews/interview-phase";
import type { QuestionBank } from "@/lib/questions/load-question-bank";
import { requireInterviewer, type Viewer } from "@/lib/server/interviews/room-access";

export type AskedQuestions = Record<string, { clockMs: number | null; askedBy: string }>;

/** The interview's planned questions in the room's order, keyed "spoken:<index>" and "bank:<slug>"; a bank question's text is its prompt (its slug without the bank). */
export function plannedQuestions(interview: { questions: string[]; questionSlugs: string[] }, bank: QuestionBank | null): { key: string; text: string }[] {
  return [
    ...interview.questions.map((text, index) => ({ key: `spoken:${index}`, text })),
    ...interview.questionSlugs.map((slug) => ({ key: `bank:${slug}`, text: bank?.questions.find((q) => q.slug === slug)?.prompt ?? slug })),
  ];
}

/** The keys of the interview's planned questions. */
export function questionKeys(interview: { questions: string[]; questionSlugs: string[] }): string[] {
  return plannedQuestions(interview, null).map((question) => question.key);
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
