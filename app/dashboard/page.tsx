// /dashboard — a user's standing on the whole OS roadmap and what to do next.
import type { Metadata } from "next";
import Link from "next/link";
import { ActivityHeatmap, ExerciseHistoryChart, MasteryChart } from "@/components/dashboard/client-only-charts";
import { TimeZoneSync } from "@/components/dashboard/time-zone-sync";
import { MasteryBar } from "@/components/roadmap/mastery-bar";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { addDays } from "@/lib/progress/streaks";
import { requireUser } from "@/lib/server/auth/require-user";
import { getDashboard } from "@/lib/server/progress/get-dashboard";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

export default async function DashboardPage() {
  const user = await requireUser({ returnTo: "/dashboard" });
  const dashboard = await getDashboard({ userId: user.id });
  const { roadmap, streak, nextStep, continueWith } = dashboard;
  const topics = roadmap.sections.flatMap((section) => section.topics);
  const solved = topics.flatMap((t) => t.exercises).filter((e, i, all) => e.status === "solved" && all.findIndex((x) => x.slug === e.slug) === i).length;
  return (
    <div className="flex flex-col gap-8">
      <TimeZoneSync kept={dashboard.timeZone} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hello, {user.name}</h1>
        <p className="text-muted-foreground">Your progress through the OS roadmap.</p>
      </div>

      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <Card className="flex flex-col items-start gap-2" data-testid="next-step">
          <CardDescription>Recommended next step</CardDescription>
          {nextStep ? (
            <>
              <p className="font-semibold">{nextStep.topic.title}</p>
              <p className="text-xs text-muted-foreground">Your weakest topic in roadmap order: {Math.round(nextStep.topic.mastery * 100)}% mastered.</p>
              <Link href={nextStep.action.href} className={`${buttonVariants({ size: "sm" })} h-auto max-w-full whitespace-normal py-1.5 text-left`}>
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
              className={`${buttonVariants({ size: "sm", variant: "outline" })} h-auto max-w-full whitespace-normal py-1.5 text-left`}
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
