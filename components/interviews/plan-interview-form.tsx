"use client";
// Plans an interview: team, title, candidate (a member with the candidate role, or a guest who joins
// by link), 1 to 3 exercises, duration, and the questions to ask aloud (one per line).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { planInterviewAction } from "@/lib/actions/interview-actions";
import { MAX_EXERCISES_PER_INTERVIEW } from "@/lib/validations/interviews";

export interface PlanningTeam {
  id: string;
  name: string;
  candidates: { userId: string; name: string }[];
}

export function PlanInterviewForm({
  teams,
  exercises,
  bankQuestions,
}: {
  teams: PlanningTeam[];
  exercises: { slug: string; title: string }[];
  bankQuestions: { topicTitle: string; questions: { slug: string; prompt: string }[] }[];
}) {
  const router = useRouter();
  const [teamId, setTeamId] = useState(teams[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [candidate, setCandidate] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [duration, setDuration] = useState(45);
  const [questions, setQuestions] = useState("");
  const [fromBank, setFromBank] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const team = teams.find((t) => t.id === teamId);

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setProblem(null);
        const planned = await planInterviewAction({
          teamId,
          title,
          candidateUserId: candidate || undefined,
          exerciseSlugs: chosen,
          durationMinutes: duration,
          questions: questions
            .split("\n")
            .map((q) => q.trim())
            .filter(Boolean),
          questionSlugs: fromBank,
        });
        setBusy(false);
        if (!planned.ok) return setProblem(planned.error.message);
        router.push(`/interviews/${planned.data.id}`);
      }}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="plan-team">Team</Label>
        <select
          id="plan-team"
          className="h-9 rounded-md border bg-background px-2 text-sm"
          value={teamId}
          onChange={(event) => {
            setTeamId(event.target.value);
            setCandidate("");
          }}
        >
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="plan-title">Title</Label>
        <Input
          id="plan-title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          required
          maxLength={120}
          placeholder="Systems round: concurrency"
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="plan-candidate">Candidate</Label>
        <select
          id="plan-candidate"
          className="h-9 rounded-md border bg-background px-2 text-sm"
          value={candidate}
          onChange={(event) => setCandidate(event.target.value)}
        >
          <option value="">A guest, by link (no account needed)</option>
          {team?.candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-sm font-medium">Exercises (1 to {MAX_EXERCISES_PER_INTERVIEW})</legend>
        {exercises.map((exercise) => (
          <label key={exercise.slug} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={chosen.includes(exercise.slug)}
              disabled={!chosen.includes(exercise.slug) && chosen.length >= MAX_EXERCISES_PER_INTERVIEW}
              onChange={(event) => setChosen((list) => (event.target.checked ? [...list, exercise.slug] : list.filter((s) => s !== exercise.slug)))}
            />
            {exercise.title}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="plan-duration">Duration (minutes)</Label>
        <Input
          id="plan-duration"
          type="number"
          min={5}
          max={240}
          value={duration}
          onChange={(event) => setDuration(Number(event.target.value))}
          className="w-32"
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="plan-questions">Questions to ask aloud (one per line; only interviewers see them)</Label>
        <textarea
          id="plan-questions"
          className="min-h-24 rounded-md border bg-background p-2 text-sm"
          value={questions}
          onChange={(event) => setQuestions(event.target.value)}
        />
      </div>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 text-sm font-medium">Questions from the bank (their model answers show to interviewers only)</legend>
        <div className="max-h-64 overflow-y-auto rounded-md border p-2 text-sm">
          {bankQuestions.map((group) => (
            <div key={group.topicTitle} className="mb-2">
              <p className="text-xs font-medium text-muted-foreground">{group.topicTitle}</p>
              {group.questions.map((question) => (
                <label key={question.slug} className="flex items-start gap-2 py-0.5">
                  <input
                    type="checkbox"
                    className="mt-1"
                    value={question.slug}
                    checked={fromBank.includes(question.slug)}
                    onChange={(event) => setFromBank((was) => (event.target.checked ? [...was, question.slug] : was.filter((slug) => slug !== question.slug)))}
                  />
                  <span>{question.prompt}</span>
                </label>
              ))}
            </div>
          ))}
        </div>
      </fieldset>
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
      <Button type="submit" disabled={busy} className="self-start">
        Plan interview
      </Button>
    </form>
  );
}
