import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/server/auth/get-current-user";
import { getRoadmapView } from "@/lib/server/exercises/get-roadmap-view";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Roadmap" };

const STATUS_MARK = { solved: "✓", attempted: "•", new: "" } as const;

export default async function RoadmapPage() {
  const user = await getCurrentUser();
  const sections = await getRoadmapView({ userId: user?.id ?? null });
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">The OS roadmap</h1>
        <p className="text-muted-foreground">
          From processes and memory to concurrency and event loops: the topics interviews ask about, with the exercises that practise each. Mastery per topic
          and suggestions of what to do next are on their way.
        </p>
      </div>
      <ol className="grid gap-4 md:grid-cols-2">
        {sections.map((section, index) => (
          <li key={section.id}>
            <Card className="flex h-full flex-col gap-3">
              <h2 className="font-semibold">
                <span className="mr-2 font-mono text-muted-foreground">{index + 1}.</span>
                {section.title}
              </h2>
              <ul className="flex flex-col gap-2 text-sm">
                {section.topics.map((topic) => (
                  <li key={topic.id}>
                    <p>{topic.title}</p>
                    {topic.exercises.length === 0 ? (
                      <p className="text-xs text-muted-foreground">Exercises coming</p>
                    ) : (
                      <ul className="mt-1 flex flex-wrap gap-2">
                        {topic.exercises.map((exercise) => (
                          <li key={exercise.slug}>
                            <Link
                              href={`/exercises/${exercise.slug}`}
                              className={cn(
                                "rounded border px-2 py-0.5 text-xs hover:border-primary",
                                exercise.status === "solved" && "border-emerald-500 text-emerald-700 dark:text-emerald-400",
                              )}
                            >
                              {exercise.status && STATUS_MARK[exercise.status] ? `${STATUS_MARK[exercise.status]} ` : ""}
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
