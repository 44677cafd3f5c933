// An open interview question as pages show it: prompt and model answer rendered, with what a strong
// answer covers and the common mistakes. Who may see it is the caller's decision.
import { renderMarkdown } from "@/lib/exercises/render-statement";
import type { OpenQuestion } from "@/lib/questions/question-bank-schema";

export interface OpenQuestionView {
  slug: string;
  promptHtml: string;
  modelAnswerHtml: string;
  strongAnswer: string[];
  commonMistakes: string[];
}

export async function renderOpenQuestion(question: OpenQuestion): Promise<OpenQuestionView> {
  return {
    slug: question.slug,
    promptHtml: await renderMarkdown(question.prompt),
    modelAnswerHtml: await renderMarkdown(question.modelAnswer),
    strongAnswer: question.strongAnswer,
    commonMistakes: question.commonMistakes,
  };
}
