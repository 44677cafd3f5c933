// Mastery of a roadmap topic, from what the user has shown on it (the roadmap page states this formula):
//   exercises  = Σ weight of the topic's exercises accepted / Σ weight of all its exercises
//                (weight: easy 1, medium 2, hard 3)
//   quiz       = share of the topic's multiple-choice questions whose latest answer is right
//   retention  = mean probability (FSRS retrievability) of recalling each of the topic's flashcards
//                now; a card never reviewed counts 0
//   mastery    = (0.5·exercises + 0.25·quiz + 0.25·retention) / (sum of the weights of the parts the
//                topic has), so a topic without exercises is judged on quiz and retention alone.

export const DIFFICULTY_WEIGHT = { easy: 1, medium: 2, hard: 3 } as const;
export const PART_WEIGHT = { exercises: 0.5, quiz: 0.25, retention: 0.25 } as const;

export const MASTERY_FORMULA =
  "A topic's mastery combines three parts. Exercises: the accepted share of the topic's exercises, each weighted by difficulty (easy 1, medium 2, hard 3). Quiz: the share of its multiple-choice questions whose latest answer was right. Retention: the average chance, as FSRS estimates it today, that you recall each of its flashcards (a card never reviewed counts as 0). Mastery is 50% exercises, 25% quiz and 25% retention; a topic without exercises is judged on quiz and retention alone, so every part is earned and forgetting lowers it.";

export interface TopicContent {
  exercises: { slug: string; difficulty: keyof typeof DIFFICULTY_WEIGHT }[];
  choiceSlugs: string[];
  cardSlugs: string[];
}

export interface UserEvidence {
  /** Exercises with an accepted Submit. */
  solved: ReadonlySet<string>;
  /** Each answered multiple-choice question: whether its latest answer was right. */
  latestQuizAnswer: ReadonlyMap<string, boolean>;
  /** Each reviewed card's retrievability now (0..1). */
  retention: ReadonlyMap<string, number>;
}

export interface TopicMastery {
  /** 0..1 */
  mastery: number;
  /** Each part 0..1, or null when the topic has nothing of that kind. */
  exercises: number | null;
  quiz: number | null;
  retention: number | null;
}

export function topicMastery(content: TopicContent, evidence: UserEvidence): TopicMastery {
  const totalWeight = content.exercises.reduce((sum, e) => sum + DIFFICULTY_WEIGHT[e.difficulty], 0);
  const exercises =
    content.exercises.length === 0
      ? null
      : content.exercises.reduce((sum, e) => sum + (evidence.solved.has(e.slug) ? DIFFICULTY_WEIGHT[e.difficulty] : 0), 0) / totalWeight;
  const quiz =
    content.choiceSlugs.length === 0
      ? null
      : content.choiceSlugs.filter((slug) => evidence.latestQuizAnswer.get(slug) === true).length / content.choiceSlugs.length;
  const retention =
    content.cardSlugs.length === 0 ? null : content.cardSlugs.reduce((sum, slug) => sum + (evidence.retention.get(slug) ?? 0), 0) / content.cardSlugs.length;
  let weighted = 0;
  let weights = 0;
  for (const [part, value] of [
    ["exercises", exercises],
    ["quiz", quiz],
    ["retention", retention],
  ] as const) {
    if (value === null) continue;
    weighted += PART_WEIGHT[part] * value;
    weights += PART_WEIGHT[part];
  }
  return { mastery: weights === 0 ? 0 : weighted / weights, exercises, quiz, retention };
}
