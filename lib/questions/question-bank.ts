// The question bank, read once per process: files shipped with the code, checked by
// `npm run questions:check` (a bank with problems is refused here too, with the first problem named).
import { AppError } from "@/lib/errors";
import { checkQuestionBank, type QuestionBank } from "@/lib/questions/load-question-bank";
import type { ChoiceQuestion, Question } from "@/lib/questions/question-bank-schema";

let bank: Promise<QuestionBank> | undefined;

export function getQuestionBank(): Promise<QuestionBank> {
  bank ??= checkQuestionBank().then(({ bank, problems }) => {
    if (problems.length > 0) throw new Error(`The question bank has ${problems.length} problem(s), first ${problems[0]?.where}: ${problems[0]?.problem}`);
    return bank;
  });
  bank.catch(() => {
    bank = undefined;
  });
  return bank;
}

/** Questions filed under a topic (as their own topic or through `also`), in the bank's order. */
export function questionsOfTopic(questions: Question[], topicId: string): Question[] {
  return questions.filter((question) => question.topics.includes(topicId));
}

/** The kinds a user reviews as flashcards: flashcards and open interview questions (prompt, then the model answer). */
export function isReviewable(question: Question): boolean {
  return question.kind === "flashcard" || question.kind === "open";
}

export async function requireQuestion(slug: string): Promise<Question> {
  const question = (await getQuestionBank()).questions.find((q) => q.slug === slug);
  if (!question) throw new AppError("NOT_FOUND", `There is no question "${slug}".`);
  return question;
}

export async function requireChoiceQuestion(slug: string): Promise<Question & ChoiceQuestion> {
  const question = await requireQuestion(slug);
  if (question.kind !== "choice") throw new AppError("INVALID_INPUT", `"${slug}" is not a multiple-choice question.`);
  return question;
}
