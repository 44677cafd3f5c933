// The room's grading as a scorecard's evidence: per exercise, the tests passed at each run over the
// interview's clock, the first compile and the first acceptance, runs and compile errors, the
// performance against the reference, race and deadlock findings, hints; and the questions asked.
import { clockLabel } from "@/lib/interviews/clock-label";
import type { ExerciseSignals, RunSignal, ScorecardSignals } from "@/lib/scorecards/signals";

const at = (clockMs: number | null) => (clockMs === null ? "never" : `at ${clockLabel(clockMs)}`);

/** Tests passed (share) at each graded run against the clock; Submits are filled dots. */
function PassChart({ runs }: { runs: RunSignal[] }) {
  const graded = runs.filter((run) => run.total !== null && run.total > 0 && run.clockMs !== null);
  if (graded.length === 0) return null;
  const width = 280;
  const height = 64;
  const end = Math.max(60_000, ...graded.map((run) => run.clockMs!));
  const point = (run: RunSignal) => ({ x: 4 + ((width - 8) * run.clockMs!) / end, y: height - 4 - (height - 8) * (run.passed! / run.total!) });
  const path = graded.map((run, i) => `${i === 0 ? "M" : "L"}${point(run).x.toFixed(1)},${point(run).y.toFixed(1)}`).join(" ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="h-16 w-full max-w-xs" role="img" aria-label="Tests passed at each run over the interview">
      <line x1="4" x2={width - 4} y1="4" y2="4" className="stroke-muted" strokeDasharray="2 3" />
      <path d={path} className="fill-none stroke-foreground/50" />
      {graded.map((run) => {
        const { x, y } = point(run);
        return (
          <circle key={run.id} cx={x} cy={y} r="3" className={run.kind === "submit" ? "fill-foreground" : "fill-background stroke-foreground"}>
            <title>{`${run.kind === "submit" ? "Submit" : "Run"} at ${clockLabel(run.clockMs)}: ${run.passed}/${run.total} tests, ${run.verdict}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}

function ExerciseEvidence({ exercise }: { exercise: ExerciseSignals }) {
  const facts: [string, string][] = [
    ["Runs · Submits", `${exercise.runCount} · ${exercise.submitCount}`],
    ["Compile errors", String(exercise.compileErrors)],
    ["First compiled", at(exercise.firstCompileMs)],
    ["First accepted", at(exercise.firstAcceptedMs)],
    [
      "Performance",
      exercise.performance
        ? `${exercise.performance.ratio.toFixed(1)}× the reference's CPU time, ${exercise.performance.passed ? "within" : "over"} the limit`
        : "not measured",
    ],
    ["Race detector", exercise.raceFindings === 0 ? "no race found" : `data race in ${exercise.raceFindings} run${exercise.raceFindings === 1 ? "" : "s"}`],
    [
      "Deadlocks",
      exercise.deadlockFindings === 0 ? "none found" : `threads stuck in ${exercise.deadlockFindings} run${exercise.deadlockFindings === 1 ? "" : "s"}`,
    ],
    ["Hints opened", `${exercise.hintsOpened} of ${exercise.hintsTotal}`],
  ];
  return (
    <section className="flex flex-col gap-2 rounded-md border p-3" data-testid="exercise-signals" data-exercise={exercise.slug}>
      <h3 className="font-medium">{exercise.title}</h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-muted-foreground">{term}</dt>
            <dd data-testid={`signal-${term.toLowerCase().replace(/[^a-z]+/g, "-")}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <PassChart runs={exercise.runs} />
      {exercise.runs.length > 0 && (
        <details className="text-sm">
          <summary>Every run ({exercise.runs.length})</summary>
          <ol className="mt-1 flex flex-col gap-0.5 font-mono text-xs" data-testid="signal-runs">
            {exercise.runs.map((run) => (
              <li key={run.id}>
                {clockLabel(run.clockMs)} {run.kind} {run.language} by {run.authorName}:{" "}
                {run.status === "done"
                  ? `${run.verdict}, ${run.passed}/${run.total} tests`
                  : run.status === "internal_error"
                    ? "not graded (our error)"
                    : run.status}
                {run.findings.length > 0 && ` · ${run.findings.join(", ")}`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

export function SignalsPanel({ signals }: { signals: ScorecardSignals }) {
  return (
    <div className="flex flex-col gap-3">
      {signals.exercises.map((exercise) => (
        <ExerciseEvidence key={exercise.slug} exercise={exercise} />
      ))}
      {signals.questions.length > 0 && (
        <section className="rounded-md border p-3 text-sm">
          <h3 className="font-medium">Planned questions</h3>
          <ul className="mt-1 flex flex-col gap-0.5" data-testid="signal-questions">
            {signals.questions.map((question) => (
              <li key={question.key}>
                {question.asked ? `✓ asked ${at(question.clockMs)}` : "✗ not asked"}: {question.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
