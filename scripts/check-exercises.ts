// `npm run exercises:check`: validates every exercise package and grader folder.
import { checkExercisePackages } from "@/graders/core/check-packages";

const { checked, problems } = await checkExercisePackages();
for (const { where, problem } of problems) console.error(`${where}: ${problem}`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) in ${checked.length} exercise package(s).`);
  process.exitCode = 1;
} else {
  console.log(`${checked.length} exercise package(s) are valid: ${checked.join(", ")}.`);
}
