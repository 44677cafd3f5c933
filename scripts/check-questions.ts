// `npm run questions:check`: validates the concept-question bank (questions/) against the roadmap.
import { checkQuestionBank } from "@/lib/questions/load-question-bank";

const { bank, problems } = await checkQuestionBank();
for (const { where, problem } of problems) console.error(`${where}: ${problem}`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) in the question bank.`);
  process.exitCode = 1;
} else {
  const count = (kind: string) => bank.questions.filter((q) => q.kind === kind).length;
  console.log(
    `${bank.questions.length} questions are valid (${count("choice")} multiple choice, ${count("flashcard")} flashcards, ${count("open")} open); ${bank.coverage.items.length} coverage items answered.`,
  );
}
