// /roadmap/:topic — one topic: mastery and its parts, exercises, the quiz, flashcards and the open
// interview questions with model answers.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MasteryBar } from "@/components/roadmap/mastery-bar";
import { TopicStatusSelect } from "@/components/roadmap/topic-status-select";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { AppError } from "@/lib/errors";
import { MASTERY_FORMULA } from "@/lib/progress/mastery";
import { getCurrentUser } from "@/lib/server/auth/get-current-user";
import { getTopic, type TopicView } from "@/lib/server/progress/get-topic";
import { ModelAnswer } from "@/components/questions/model-answer";
import { RenderedMarkdown } from "@/components/questions/rendered-markdown";

export const metadata: Metadata = { title: "Roadmap topic" };

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);

export default async function TopicPage({ params }: { params: Promise<{ topic: string }> }) {
  const { topic: topicId } = await params;
  const user = await getCurrentUser();
  let view: TopicView;
  try {
    view = await getTopic({ userId: user?.id ?? null, topicId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { topic, sectionTitle, openQuestions } = view;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <p className="text-sm text-muted-foreground">
          <Link href="/roadmap" className="underline underline-offset-4">
            Roadmap
          </Link>{" "}
          · {sectionTitle}
        </p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{topic.title}</h1>
          {user && <TopicStatusSelect topicId={topic.id} topicTitle={topic.title} status={topic.status} />}
        </div>
      </div>

      {topic.mastery && (
        <Card className="flex flex-col gap-3">
          <CardTitle>Your mastery</CardTitle>
          <MasteryBar value={topic.mastery.mastery} label={`${topic.title} mastery`} />
          <dl className="grid grid-cols-3 gap-2 text-sm">
            <div>
              <dt className="text-muted-foreground">Exercises</dt>
              <dd data-testid="mastery-exercises">{percent(topic.mastery.exercises)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Quiz</dt>
              <dd data-testid="mastery-quiz">{percent(topic.mastery.quiz)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Retention</dt>
              <dd data-testid="mastery-retention">{percent(topic.mastery.retention)}</dd>
            </div>
          </dl>
          <CardDescription>{MASTERY_FORMULA}</CardDescription>
        </Card>
      )}

      <div className="grid gap-4 md:grid-cols-3">
        <Card className="flex flex-col gap-2">
          <CardTitle>Exercises</CardTitle>
          {topic.exercises.length === 0 ? (
            <CardDescription>No exercise practises this topic yet: its quiz and flashcards do.</CardDescription>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {topic.exercises.map((exercise) => (
                <li key={exercise.slug}>
                  <Link href={`/exercises/${exercise.slug}`} className="underline underline-offset-4">
                    {exercise.title}
                  </Link>{" "}
                  <span className="text-xs text-muted-foreground">
                    {exercise.difficulty}
                    {exercise.status === "solved" ? " · solved" : exercise.status === "attempted" ? " · attempted" : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="flex flex-col items-start gap-2">
          <CardTitle>Quiz</CardTitle>
          <CardDescription>
            {topic.questions.choice} multiple-choice question{topic.questions.choice === 1 ? "" : "s"}, checked at once with an explanation for every option.
          </CardDescription>
          {topic.questions.choice > 0 && (
            <Link href={`/roadmap/${topic.id}/quiz`} className={buttonVariants({ size: "sm" })}>
              Take the quiz
            </Link>
          )}
        </Card>
        <Card className="flex flex-col items-start gap-2">
          <CardTitle>Flashcards</CardTitle>
          <CardDescription data-testid="topic-cards">
            {topic.questions.cards} cards · {topic.reviewsDue} due today · {topic.newCards} new
          </CardDescription>
          {topic.questions.cards > 0 && (
            <Link href={`/review?topic=${topic.id}`} className={buttonVariants({ size: "sm", variant: "outline" })}>
              Study flashcards
            </Link>
          )}
        </Card>
      </div>

      {openQuestions.length > 0 && (
        <section className="flex flex-col gap-3" aria-labelledby="open-questions">
          <h2 id="open-questions" className="text-lg font-semibold">
            Interview questions
          </h2>
          <p className="text-sm text-muted-foreground">Answer aloud first, then open the model answer and compare.</p>
          {openQuestions.map((question) => (
            <Card key={question.slug} className="flex flex-col gap-2 p-4">
              <RenderedMarkdown className="text-sm" html={question.promptHtml} />
              <ModelAnswer question={question} summary="Model answer" />
            </Card>
          ))}
        </section>
      )}
    </div>
  );
}
