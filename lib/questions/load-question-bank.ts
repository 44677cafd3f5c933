// Reads the question bank (questions/<topic>.yaml and questions/coverage.yaml) and says exactly
// what is wrong where: `npm run questions:check` prints these problems; the app loads only a clean bank.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { loadRoadmap, topicIds } from "@/lib/exercises/roadmap";
import { QUESTIONS_DIR, ROADMAP_FILE } from "@/lib/paths";
import { type Coverage, coverageSchema, type Question, questionFileSchema, questionSchema } from "@/lib/questions/question-bank-schema";

export const COVERAGE_FILE = "coverage.yaml";

export interface BankProblem {
  /** A path relative to the repository root. */
  where: string;
  problem: string;
}

export interface QuestionBank {
  questions: Question[];
  coverage: Coverage;
}

export interface BankMinimums {
  perTopic: number;
  total: number;
}

/** The bank's promise (issue 20): every roadmap topic has at least 5 questions, 150 in all. */
export const BANK_MINIMUMS: BankMinimums = { perTopic: 5, total: 150 };

function issues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
}

export async function checkQuestionBank(
  options: { dir?: string; roadmapFile?: string; minimums?: BankMinimums } = {},
): Promise<{ bank: QuestionBank; problems: BankProblem[] }> {
  const dir = options.dir ?? QUESTIONS_DIR;
  const minimums = options.minimums ?? BANK_MINIMUMS;
  const root = path.resolve(dir, "..");
  const problems: BankProblem[] = [];
  const problem = (file: string, text: string) => problems.push({ where: path.relative(root, path.join(/*turbopackIgnore: true*/ dir, file)), problem: text });
  const topics = topicIds(await loadRoadmap(options.roadmapFile ?? ROADMAP_FILE));

  let coverage: Coverage = { items: [] };
  try {
    const parsed = coverageSchema.safeParse(parse(await readFile(/*turbopackIgnore: true*/ path.join(dir, COVERAGE_FILE), "utf8")));
    if (parsed.success) coverage = parsed.data;
    else for (const text of issues(parsed.error)) problem(COVERAGE_FILE, text);
  } catch (error) {
    problem(COVERAGE_FILE, error instanceof Error ? error.message : String(error));
  }

  const questions: Question[] = [];
  const firstFileOf = new Map<string, string>();
  // The bank is read from the checkout at run time (lib/paths.ts), not traced into a bundle: turbopackIgnore keeps the build from tracing the whole project.
  const files = (await readdir(/*turbopackIgnore: true*/ dir)).filter((name) => name.endsWith(".yaml") && name !== COVERAGE_FILE).sort();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = parse(await readFile(path.join(/*turbopackIgnore: true*/ dir, file), "utf8"));
    } catch (error) {
      problem(file, `is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const parsedFile = questionFileSchema.safeParse(raw);
    if (!parsedFile.success) {
      for (const text of issues(parsedFile.error)) problem(file, text);
      continue;
    }
    const { topic } = parsedFile.data;
    if (`${topic}.yaml` !== file) problem(file, `topic is "${topic}" but the file is ${file}: name the file <topic>.yaml.`);
    if (!topics.has(topic)) problem(file, `topic "${topic}" is not a topic of roadmap/roadmap.yaml.`);
    parsedFile.data.questions.forEach((item, index) => {
      const parsed = questionSchema.safeParse(item);
      const label = typeof (item as { slug?: unknown })?.slug === "string" ? `questions[${index}] (${(item as { slug: string }).slug})` : `questions[${index}]`;
      if (!parsed.success) {
        for (const text of issues(parsed.error)) problem(file, `${label}.${text}`);
        return;
      }
      const question = parsed.data;
      const earlier = firstFileOf.get(question.slug);
      if (earlier) problem(file, `${label}: the slug "${question.slug}" is used twice (first in ${earlier}); slugs are unique across the bank.`);
      else firstFileOf.set(question.slug, file);
      for (const also of question.also) {
        if (!topics.has(also)) problem(file, `${label}.also: "${also}" is not a topic of roadmap/roadmap.yaml.`);
        if (also === topic) problem(file, `${label}.also: "${also}" is this file's own topic.`);
      }
      for (const item of question.covers) {
        if (!coverage.items.some((c) => c.id === item)) problem(file, `${label}.covers: "${item}" is not an item of ${COVERAGE_FILE}.`);
      }
      questions.push({ ...question, topics: [topic, ...question.also.filter((t) => t !== topic)] });
    });
  }

  for (const item of coverage.items) {
    if (!questions.some((q) => q.covers.includes(item.id)))
      problem(COVERAGE_FILE, `"${item.id}" (${item.title}) is answered by no question: add one that covers it.`);
  }
  const ids = coverage.items.map((c) => c.id);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problem(COVERAGE_FILE, `"${id}" is listed twice.`);

  for (const topic of topics) {
    const count = questions.filter((q) => q.topics[0] === topic).length;
    if (count < minimums.perTopic)
      problem(`${topic}.yaml`, `the topic has ${count} question(s) of its own; every roadmap topic needs at least ${minimums.perTopic}.`);
  }
  if (questions.length < minimums.total) problem(".", `the bank has ${questions.length} question(s); it needs at least ${minimums.total}.`);

  return { bank: { questions, coverage }, problems };
}
