"use client";
// The dashboard as the signed-in user sees it: drawn in the browser from GET /api/progress/dashboard
// (the page itself is prerendered, the same for everyone); a visitor is sent to sign in.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ActivityHeatmap, ExerciseHistoryChart, MasteryChart } from "@/components/dashboard/client-only-charts";
import { TimeZoneSync } from "@/components/dashboard/time-zone-sync";
import { ProgressFailure } from "@/components/progress/progress-failure";
import { useProgress } from "@/components/progress/use-progress";
import { MasteryBar } from "@/components/roadmap/mastery-bar";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { addDays } from "@/lib/progress/streaks";
import type { Dashboard, DashboardResponse } from "@/lib/server/progress/get-dashboard";
import { cn } from "@/lib/utils";

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

export function DashboardView() {
  const router = useRouter();
  const progress = useProgress<DashboardResponse>("/api/progress/dashboard");
  useEffect(() => {
    if (progress.state === "signed-out") router.replace("/sign-in?next=%2Fdashboard");
  }, [progress.state, router]);
  if (progress.state === "failed") return <ProgressFailure what="Your dashboard" message={progress.message} onRetry={() => void progress.reload()} />;
  if (progress.state !== "ready") return <DashboardSkeleton />;
  return <DashboardOf userName={progress.data.userName} dashboard={progress.data.dashboard} onTimeZoneSaved={progress.reload} />;
}

function DashboardSkeleton() {
  return (
    <div className="flex flex-col gap-8" role="status" aria-busy="true" aria-label="Loading your dashboard">
      <div className="h-14 w-64 animate-pulse rounded-md bg-muted" />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-32 animate-pulse rounded-xl bg-muted" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="h-64 animate-pulse rounded-xl bg-muted" />
        <div className="h-64 animate-pulse rounded-xl bg-muted" />
      </div>
    </div>
  );
}

function DashboardOf({ userName, dashboard, onTimeZoneSaved }: { userName: string; dashboard: Dashboard; onTimeZoneSaved: () => void }) {
  const { roadmap, streak, nextStep, continueWith } = dashboard;
  const topics = roadmap.sections.flatMap((section) => section.topics);
  const solved = new Set(
    topics
      .flatMap((t) => t.exercises)
      .filter((e) => e.status === "solved")
      .map((e) => e.slug),
  ).size;
  return (
    <div className="flex flex-col gap-8">
      <TimeZoneSync kept={dashboard.timeZone} onSaved={onTimeZoneSaved} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hello, {userName}</h1>
        <p className="text-muted-foreground">Your progress through the OS roadmap.</p>
      </div>

      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <Card className="flex flex-col items-start gap-2" data-testid="next-step">
          <CardDescription>Recommended next step</CardDescription>
          {nextStep ? (
            <>
              <p className="font-semibold">{nextStep.topic.title}</p>
              <p className="text-xs text-muted-foreground">Your weakest topic in roadmap order: {Math.round(nextStep.topic.mastery * 100)}% mastered.</p>
              <Link href={nextStep.action.href} className={cn(buttonVariants({ size: "sm" }), "h-auto max-w-full whitespace-normal py-1.5 text-left")}>
                {nextStep.action.label}
              </Link>
            </>
          ) : (
            <p className="text-sm">Every topic is mastered, done or skipped. Keep your flashcards fresh.</p>
          )}
        </Card>
        <Card className="flex flex-col items-start gap-2">
          <CardDescription>Reviews due today</CardDescription>
          <p className="text-3xl font-semibold tabular-nums" data-testid="dashboard-reviews-due">
            {roadmap.reviewsDue}
          </p>
          <Link href="/review" className={buttonVariants({ size: "sm", variant: roadmap.reviewsDue > 0 ? "default" : "outline" })}>
            {roadmap.reviewsDue > 0 ? "Review now" : "Open reviews"}
          </Link>
        </Card>
        <Card className="flex flex-col gap-1">
          <CardDescription>Streak</CardDescription>
          <p className="text-3xl font-semibold tabular-nums" data-testid="streak-current">
            {days(streak.current)}
          </p>
          <p className="text-xs text-muted-foreground" data-testid="streak-longest">
            Longest: {days(streak.longest)} · days counted in {dashboard.timeZone}
          </p>
        </Card>
        <Card className="flex flex-col items-start gap-2">
          <CardDescription>Continue where you left off</CardDescription>
          {continueWith ? (
            <Link
              href={continueWith.href}
              className={cn(buttonVariants({ size: "sm", variant: "outline" }), "h-auto max-w-full whitespace-normal py-1.5 text-left")}
              data-testid="continue"
            >
              {continueWith.label}
            </Link>
          ) : (
            <p className="text-sm">
              Nothing started yet:{" "}
              <Link href="/exercises" className="underline underline-offset-4">
                browse the exercises
              </Link>
              .
            </p>
          )}
          <p className="text-xs text-muted-foreground">
            {solved} exercise{solved === 1 ? "" : "s"} solved.
          </p>
        </Card>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="flex flex-col gap-3">
          <CardTitle>Mastery by section</CardTitle>
          <MasteryChart sections={roadmap.sections.map((s) => ({ title: s.title, mastery: s.mastery ?? 0 }))} />
          <Link href="/roadmap" className="text-sm underline underline-offset-4">
            Every topic on the roadmap
          </Link>
        </Card>
        <Card className="flex flex-col gap-3">
          <CardTitle>Weakest topics</CardTitle>
          <ul className="flex flex-col gap-2 text-sm">
            {topics
              .filter((t) => t.status !== "skipped" && t.status !== "done")
              .sort((a, b) => (a.mastery?.mastery ?? 0) - (b.mastery?.mastery ?? 0))
              .slice(0, 6)
              .map((topic) => (
                <li key={topic.id} className="flex flex-col gap-1">
                  <Link href={`/roadmap/${topic.id}`} className="hover:underline">
                    {topic.title}
                  </Link>
                  <MasteryBar value={topic.mastery?.mastery ?? 0} label={`${topic.title} mastery`} />
                </li>
              ))}
          </ul>
        </Card>
      </div>

      <Card className="flex flex-col gap-3">
        <CardTitle>Activity</CardTitle>
        <ActivityHeatmap days={dashboard.activity} from={addDays(dashboard.today, -364)} to={dashboard.today} />
      </Card>

      <section className="flex flex-col gap-3" aria-labelledby="history">
        <h2 id="history" className="text-lg font-semibold">
          Verdicts and performance by exercise
        </h2>
        {dashboard.history.length === 0 ? (
          <p className="text-sm text-muted-foreground">Submit an exercise to see its verdicts and your CPU time against the reference over time.</p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            {dashboard.history.map((exercise) => (
              <Card key={exercise.slug} className="flex flex-col gap-2 p-4" data-exercise={exercise.slug}>
                <div className="flex items-baseline justify-between gap-2">
                  <Link href={`/exercises/${exercise.slug}`} className="font-medium hover:underline">
                    {exercise.title}
                  </Link>
                  <span className="text-xs text-muted-foreground">
                    {exercise.submits.length} submit{exercise.submits.length === 1 ? "" : "s"} · last {exercise.submits.at(-1)?.verdict ?? "—"}
                  </span>
                </div>
                <ExerciseHistoryChart title={exercise.title} submits={exercise.submits} />
                <p className="text-xs text-muted-foreground">CPU time against the reference (1× dashed); dots coloured by verdict.</p>
              </Card>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
