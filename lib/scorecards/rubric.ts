// A team's scorecard rubric as people read it: the labels of recommendations and suggestion
// sources, keys for new dimensions, and the default rubric a team uses until it writes its own.
// Its shape and limits are the contract in lib/validations/scorecards.ts.
import type { Recommendation, Rubric, SuggestionSource } from "@/lib/validations/scorecards";

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
};

export const SUGGESTION_SOURCE_LABELS: Record<SuggestionSource, string> = {
  correctness: "the Submits' tests passed",
  performance: "the Submits' speed against the reference",
};

/** A key for a new dimension named `name`, not one of `taken`. */
export function dimensionKey(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 32) || "dimension";
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
  return key;
}

/** What a team uses until it writes its own. */
export const DEFAULT_RUBRIC: Rubric = [
  {
    key: "problem-solving",
    name: "Problem solving",
    description: "How the candidate understood the problem, chose an approach and moved towards a solution.",
    anchors: [
      "Could not find a workable approach, even with hints.",
      "Found an approach with substantial help; little reasoning about alternatives.",
      "Found a sound approach largely alone; explained why it works.",
      "Broke the problem down quickly, weighed alternatives and their costs, and adapted as new facts appeared.",
    ],
    suggestFrom: null,
  },
  {
    key: "correctness",
    name: "Correctness",
    description: "Whether the code does what the statement asks, edge cases and concurrency included.",
    anchors: [
      "The code does not work on the basic cases.",
      "Works on the main path; fails edge cases, races or error paths.",
      "Passes the tests, perhaps not within the performance limit.",
      "Passes every test and the performance check; edge cases handled deliberately.",
    ],
    suggestFrom: "correctness",
  },
  {
    key: "os-knowledge",
    name: "OS knowledge",
    description: "Command of the operating-system concepts the exercise and the questions touch: processes, memory, concurrency, I/O, system calls.",
    anchors: [
      "Misunderstands core concepts (e.g. what a system call or a page is).",
      "Knows the vocabulary; shaky on how things work underneath.",
      "Explains the mechanisms correctly and uses them well in the code.",
      "Deep, precise knowledge: trade-offs, failure modes and what the kernel actually does.",
    ],
    suggestFrom: null,
  },
  {
    key: "code-quality",
    name: "Code quality",
    description: "Readability, structure, error handling and resource management.",
    anchors: [
      "Hard to follow; errors ignored, resources leaked.",
      "Readable in parts; inconsistent error handling.",
      "Clear structure and names; errors and resources handled.",
      "Code a reviewer would approve as is: simple, robust, idiomatic.",
    ],
    suggestFrom: null,
  },
  {
    key: "communication",
    name: "Communication",
    description: "How the candidate explained their thinking, asked questions and took feedback.",
    anchors: [
      "Worked silently or could not explain the code.",
      "Explained when prompted; hard to follow.",
      "Thought aloud clearly and asked useful questions.",
      "Clear and concise throughout; took feedback and built on it.",
    ],
    suggestFrom: null,
  },
];
