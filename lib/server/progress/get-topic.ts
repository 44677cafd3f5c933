import "server-only";
// One roadmap topic's page: the user's standing on it and its open interview questions with their
// model answers (a user practising on their own may read them; in a room only interviewers do).
import { AppError } from "@/lib/errors";
import { getQuestionBank, questionsOfTopic } from "@/lib/questions/question-bank";
import { getRoadmapProgress, type TopicProgress } from "@/lib/server/progress/get-roadmap-progress";
import { type OpenQuestionView, renderOpenQuestion } from "@/lib/questions/render-open-question";

export interface TopicView {
  topic: TopicProgress;
  sectionTitle: string;
  openQuestions: OpenQuestionView[];
}

export async function getTopic({ userId, topicId }: { userId: string | null; topicId: string }): Promise<TopicView> {
  const [{ sections }, bank] = await Promise.all([getRoadmapProgress({ userId }), getQuestionBank()]);
  const section = sections.find((s) => s.topics.some((t) => t.id === topicId));
  const topic = section?.topics.find((t) => t.id === topicId);
  if (!section || !topic) throw new AppError("NOT_FOUND", `There is no roadmap topic "${topicId}".`);
  const openQuestions = await Promise.all(questionsOfTopic(bank.questions, topicId).flatMap((q) => (q.kind === "open" ? [renderOpenQuestion(q)] : [])));
  return { topic, sectionTitle: section.title, openQuestions };
}
