// Submitted scorecards of one candidate side by side: a column per scorecard (grouped by
// interview), a row per rubric dimension (matched by name, as rubrics change between interviews),
// then the recommendation and the summary; each interview's grading signals below.
import { RenderedMarkdown } from "@/components/questions/rendered-markdown";
import { SignalsPanel } from "@/components/scorecards/signals-panel";
import { RECOMMENDATION_LABELS } from "@/lib/scorecards/rubric";
import type { CandidateScorecards, ScorecardView } from "@/lib/server/scorecards/scorecards";

export function ScorecardsSideBySide({ data }: { data: CandidateScorecards }) {
  const columns = data.interviews.flatMap((interview) => interview.scorecards.map((card) => ({ interview, card })));
  const dimensions = [...new Set(columns.flatMap(({ card }) => card.rubric.map((d) => d.name)))];
  const scoreOf = (card: ScorecardView, name: string) => {
    const dimension = card.rubric.find((d) => d.name === name);
    const score = dimension ? card.scores[dimension.key]?.score : null;
    return dimension && score ? { score, anchor: dimension.anchors[score - 1], suggested: card.scores[dimension.key]?.suggested ?? null } : null;
  };
  if (columns.length === 0) return <p className="text-sm text-muted-foreground">No scorecard has been submitted yet.</p>;
  return (
    <div className="flex flex-col gap-6">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" data-testid="scorecards-table">
          <thead>
            <tr>
              <th className="border-b p-2 text-left align-bottom">Dimension</th>
              {columns.map(({ interview, card }) => (
                <th key={card.id} className="border-b p-2 text-left align-bottom" data-testid="scorecard-column">
                  <div>{card.authorName}</div>
                  <div className="text-xs font-normal text-muted-foreground">
                    {interview.title}
                    {interview.heldAt ? ` · ${interview.heldAt.slice(0, 10)}` : ""}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dimensions.map((name) => (
              <tr key={name}>
                <th scope="row" className="border-b p-2 text-left font-medium">
                  {name}
                </th>
                {columns.map(({ card }) => {
                  const cell = scoreOf(card, name);
                  return (
                    <td key={card.id} className="border-b p-2 align-top" title={cell?.anchor}>
                      {cell ? (
                        <>
                          <span className="font-semibold">{cell.score}</span>
                          {cell.suggested !== null && cell.suggested !== cell.score && (
                            <span className="ml-1 text-xs text-muted-foreground">(runs suggested {cell.suggested})</span>
                          )}
                        </>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row" className="border-b p-2 text-left font-medium">
                Recommendation
              </th>
              {columns.map(({ card }) => (
                <td key={card.id} className="border-b p-2 font-semibold" data-testid="recommendation">
                  {card.recommendation ? RECOMMENDATION_LABELS[card.recommendation] : "—"}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row" className="p-2 text-left align-top font-medium">
                Summary
              </th>
              {columns.map(({ card }) => (
                <td key={card.id} className="p-2 align-top">
                  <RenderedMarkdown html={card.summaryHtml} className="text-xs" />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {data.interviews
        .filter((interview) => interview.scorecards.length > 0)
        .map((interview) => (
          <details key={interview.id} className="rounded-md border p-3">
            <summary className="font-medium">The room's grading: {interview.title}</summary>
            <div className="mt-2">
              <SignalsPanel signals={interview.scorecards.at(-1)!.signals} />
            </div>
          </details>
        ))}
    </div>
  );
}
