// An open question's model answer, folded: what a strong answer covers and the common mistakes.
import { RenderedMarkdown } from "@/components/questions/rendered-markdown";
import type { OpenQuestionView } from "@/lib/questions/render-open-question";

export function ModelAnswer({ question, summary }: { question: OpenQuestionView; summary: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted-foreground">{summary}</summary>
      <RenderedMarkdown className="mt-2" html={question.modelAnswerHtml} />
      <p className="mt-2 font-medium">A strong answer covers</p>
      <ul className="ml-5 list-disc">
        {question.strongAnswer.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      <p className="mt-2 font-medium">Common mistakes</p>
      <ul className="ml-5 list-disc">
        {question.commonMistakes.map((mistake) => (
          <li key={mistake}>{mistake}</li>
        ))}
      </ul>
    </details>
  );
}
