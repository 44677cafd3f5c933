import "server-only";
// The flashcards to review now: every card of the user's deck that is due (of one topic, or of all),
// and, when studying a topic, up to NEW_CARDS_PER_SESSION of its cards not yet in the deck.
import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/exercises/render-statement";
import { getRoadmap } from "@/lib/exercises/roadmap";
import { type CardRow, describeInterval, GRADES, type GradeName, previewDue } from "@/lib/progress/flashcard-schedule";
import { endOfDay } from "@/lib/progress/time-zone";
import { getQuestionBank, isReviewable, questionsOfTopic } from "@/lib/questions/question-bank";
import type { Question } from "@/lib/questions/question-bank-schema";

export const NEW_CARDS_PER_SESSION = 10;
const DUE_CARDS_PER_SESSION = 100;

export interface ReviewCardView {
  slug: string;
  kind: "flashcard" | "open";
  topicTitle: string;
  promptHtml: string;
  answerHtml: string;
  /** For an open question: what a strong answer contains. */
  strongAnswer: string[];
  isNew: boolean;
  /** What each grade would do: the next due date and how far it is. */
  grades: { grade: GradeName; due: string; interval: string }[];
}

export interface ReviewSession {
  cards: ReviewCardView[];
  /** Cards that fall due later today (after this session's). */
  dueLaterToday: number;
}

export async function getReviewSession({ userId, topicId, now = new Date() }: { userId: string; topicId?: string; now?: Date }): Promise<ReviewSession> {
  const [bank, roadmap, user] = await Promise.all([getQuestionBank(), getRoadmap(), db.user.findUnique({ where: { id: userId }, select: { timeZone: true } })]);
  const inScope = (topicId ? questionsOfTopic(bank.questions, topicId) : bank.questions).filter(isReviewable);
  const scopeSlugs = inScope.map((q) => q.slug);
  const topicTitle = new Map(roadmap.sections.flatMap((s) => s.topics.map((t) => [t.id, t.title] as const)));
  const dayEnds = endOfDay(user?.timeZone ?? "UTC", now);

  const [due, later, inDeck] = await Promise.all([
    db.reviewCard.findMany({
      where: { userId, due: { lte: now }, questionSlug: { in: scopeSlugs } },
      orderBy: { due: "asc" },
      take: DUE_CARDS_PER_SESSION,
    }),
    db.reviewCard.count({ where: { userId, due: { gt: now, lte: dayEnds }, questionSlug: { in: scopeSlugs } } }),
    topicId ? db.reviewCard.findMany({ where: { userId, questionSlug: { in: scopeSlugs } }, select: { questionSlug: true } }) : [],
  ]);
  const bySlug = new Map(inScope.map((q) => [q.slug, q]));
  const known = new Set(inDeck.map((row) => row.questionSlug));
  const fresh = topicId ? inScope.filter((q) => !known.has(q.slug)).slice(0, NEW_CARDS_PER_SESSION) : [];

  const view = async (question: Question, row: CardRow | null): Promise<ReviewCardView> => {
    const next = previewDue(row, now);
    return {
      slug: question.slug,
      kind: question.kind === "open" ? "open" : "flashcard",
      topicTitle: topicTitle.get(question.topics[0] ?? "") ?? "",
      promptHtml: await renderMarkdown(question.prompt),
      answerHtml: await renderMarkdown(question.kind === "open" ? question.modelAnswer : question.kind === "flashcard" ? question.answer : ""),
      strongAnswer: question.kind === "open" ? question.strongAnswer : [],
      isNew: row === null,
      grades: GRADES.map(({ name }) => ({ grade: name, due: next[name].toISOString(), interval: describeInterval(now, next[name]) })),
    };
  };
  const cards = await Promise.all([
    ...due.flatMap((row) => {
      const question = bySlug.get(row.questionSlug);
      return question ? [view(question, row)] : [];
    }),
    ...fresh.map((question) => view(question, null)),
  ]);
  return { cards, dueLaterToday: later };
}
