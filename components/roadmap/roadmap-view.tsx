"use client";
// The roadmap's sections and topics, prerendered as a visitor sees them; once the signed-in user's
// progress arrives (GET /api/progress/roadmap) it shows their mastery, marks, solved exercises and
// cards due in place, and a visitor is asked to sign in.
import Link from "next/link";
import { MasteryBar } from "@/components/roadmap/mastery-bar";
import { TopicStatusSelect } from "@/components/roadmap/topic-status-select";
import { ProgressFailure } from "@/components/progress/progress-failure";
import { useProgress } from "@/components/progress/use-progress";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { MASTERY_FORMULA } from "@/lib/progress/mastery";
import type { RoadmapProgress } from "@/lib/server/progress/get-roadmap-progress";
import { cn } from "@/lib/utils";

const STATUS_MARK = { solved: "✓ ", attempted: "• ", new: "" } as const;

function YourStanding({ progress }: { progress: ReturnType<typeof useProgress<RoadmapProgress>> }) {
  if (progress.state === "loading")
    return (
      <p className="text-sm text-muted-foreground" aria-live="polite">
        Loading your progress…
      </p>
    );
  if (progress.state === "signed-out")
    return (
      <p className="text-sm">
        <Link href="/sign-in?next=%2Froadmap" className="underline underline-offset-4">
          Sign in
        </Link>{" "}
        to track your mastery of each topic.
      </p>
    );
  if (progress.state === "failed") return <ProgressFailure what="Your progress" message={progress.message} onRetry={() => void progress.reload()} />;
  const { reviewsDue } = progress.data;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span data-testid="reviews-due">
        {reviewsDue === 0 ? "No flashcards due today." : `${reviewsDue} flashcard${reviewsDue === 1 ? "" : "s"} due today.`}
      </span>
      {reviewsDue > 0 && (
        <Link href="/review" className={buttonVariants({ size: "sm" })}>
          Review now
        </Link>
      )}
    </div>
  );
}

export function RoadmapView({ visitor }: { visitor: RoadmapProgress }) {
  const progress = useProgress<RoadmapProgress>("/api/progress/roadmap");
  const signedIn = progress.state === "ready";
  const { sections } = signedIn ? progress.data : visitor;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">The OS roadmap</h1>
        <p className="text-muted-foreground">
          From processes and memory to concurrency, event loops and production Linux: the topics interviews ask about, with exercises, a quiz and flashcards for
          each.
        </p>
        <YourStanding progress={progress} />
        <details className="text-sm text-muted-foreground">
          <summary className="cursor-pointer">How mastery is computed</summary>
          <p className="mt-2 max-w-3xl">{MASTERY_FORMULA}</p>
        </details>
      </div>
      <ol className="grid gap-4 lg:grid-cols-2">
        {sections.map((section, index) => (
          <li key={section.id}>
            <Card className="flex h-full flex-col gap-4" aria-labelledby={`section-${section.id}`}>
              <div className="flex flex-col gap-1">
                <h2 id={`section-${section.id}`} className="font-semibold">
                  <span className="mr-2 font-mono text-muted-foreground">{index + 1}.</span>
                  {section.title}
                </h2>
                {section.mastery !== null && (
                  <div className="flex items-center gap-3 text-xs text-muted-foreground">
                    <MasteryBar value={section.mastery} label={`${section.title} mastery`} className="flex-1" />
                    <span>
                      {section.done} of {section.topics.length} done
                    </span>
                  </div>
                )}
              </div>
              <ul className="flex flex-col gap-3 text-sm">
                {section.topics.map((topic) => (
                  <li key={topic.id} data-topic={topic.id} className={cn("flex flex-col gap-1", topic.status === "skipped" && "opacity-60")}>
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <Link href={`/roadmap/${topic.id}`} className="font-medium hover:underline">
                        {topic.title}
                      </Link>
                      {signedIn && (
                        <TopicStatusSelect topicId={topic.id} topicTitle={topic.title} status={topic.status} onSaved={() => void progress.reload()} />
                      )}
                    </div>
                    {topic.mastery && <MasteryBar value={topic.mastery.mastery} label={`${topic.title} mastery`} />}
                    <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
                      <span>
                        {topic.exercises.length} exercise{topic.exercises.length === 1 ? "" : "s"}
                      </span>
                      {topic.questions.choice > 0 && (
                        <Link href={`/roadmap/${topic.id}/quiz`} className="underline underline-offset-2">
                          Quiz ({topic.questions.choice})
                        </Link>
                      )}
                      {topic.questions.cards > 0 && (
                        <Link href={`/review?topic=${topic.id}`} className="underline underline-offset-2">
                          Flashcards ({topic.questions.cards}){topic.reviewsDue > 0 ? ` · ${topic.reviewsDue} due` : ""}
                        </Link>
                      )}
                    </p>
                    {topic.exercises.length > 0 && (
                      <ul className="flex flex-wrap gap-2">
                        {topic.exercises.map((exercise) => (
                          <li key={exercise.slug}>
                            <Link
                              href={`/exercises/${exercise.slug}`}
                              className={cn(
                                "rounded border px-2 py-0.5 text-xs hover:border-primary",
                                exercise.status === "solved" && "border-emerald-500 text-emerald-700 dark:text-emerald-400",
                              )}
                            >
                              {exercise.status ? STATUS_MARK[exercise.status] : ""}
                              {exercise.title}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}
