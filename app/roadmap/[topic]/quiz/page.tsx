// /roadmap/:topic/quiz — the topic's multiple-choice questions, graded at once.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TopicQuiz } from "@/components/questions/topic-quiz";
import { getRoadmap } from "@/lib/exercises/roadmap";
import { requireUser } from "@/lib/server/auth/require-user";
import { getQuiz } from "@/lib/server/questions/get-quiz";

export const metadata: Metadata = { title: "Quiz" };

export default async function QuizPage({ params }: { params: Promise<{ topic: string }> }) {
  const { topic: topicId } = await params;
  const topic = (await getRoadmap()).sections.flatMap((s) => s.topics).find((t) => t.id === topicId);
  if (!topic) notFound();
  const user = await requireUser({ returnTo: `/roadmap/${topicId}/quiz` });
  const questions = await getQuiz({ userId: user.id, topicId });
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <p className="text-sm text-muted-foreground">
          <Link href={`/roadmap/${topic.id}`} className="underline underline-offset-4">
            {topic.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Quiz: {topic.title}</h1>
      </div>
      {questions.length === 0 ? (
        <p className="text-muted-foreground">This topic has no multiple-choice questions yet.</p>
      ) : (
        <TopicQuiz topicId={topic.id} topicTitle={topic.title} questions={questions} />
      )}
    </div>
  );
}
