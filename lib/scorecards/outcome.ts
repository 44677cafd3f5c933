// An interview's outcome from its submitted scorecards' recommendations: their mean on the
// strong-no-to-strong-yes scale, rounded towards caution (a tie between no and yes is no), and
// whether the interviewers split (some for, some against).
import { RECOMMENDATIONS, type Recommendation } from "@/lib/validations/scorecards";

export interface InterviewOutcome {
  recommendation: Recommendation;
  /** Some interviewers said yes and some no. */
  split: boolean;
  count: number;
}

export function interviewOutcome(recommendations: Recommendation[]): InterviewOutcome | null {
  if (recommendations.length === 0) return null;
  const ranks = recommendations.map((r) => RECOMMENDATIONS.indexOf(r));
  const mean = ranks.reduce((sum, rank) => sum + rank, 0) / ranks.length;
  // Round half down: 1.5 (between no and yes) is no.
  const rank = Math.ceil(mean - 0.5);
  const positive = ranks.filter((r) => r >= 2).length;
  return { recommendation: RECOMMENDATIONS[rank]!, split: positive > 0 && positive < ranks.length, count: ranks.length };
}
