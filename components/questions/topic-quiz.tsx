"use client";
// A topic's quiz, one question at a time: choose, check (graded on the server at once), read why
// each option is right or wrong, go on; the score at the end.
import Link from "next/link";
import { useState, useTransition } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { answerQuizAction } from "@/lib/actions/progress-actions";
import type { QuizQuestionView } from "@/lib/server/questions/get-quiz";
import type { QuizAnswerResult } from "@/lib/server/questions/answer-quiz-question";
import { cn } from "@/lib/utils";
import { RenderedMarkdown } from "@/components/questions/rendered-markdown";

export function TopicQuiz({ topicId, topicTitle, questions }: { topicId: string; topicTitle: string; questions: QuizQuestionView[] }) {
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<number[]>([]);
  const [result, setResult] = useState<QuizAnswerResult | null>(null);
  const [right, setRight] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const finished = index >= questions.length;

  if (finished)
    return (
      <Card className="flex flex-col items-start gap-3">
        <p className="text-lg font-semibold" data-testid="quiz-score">
          {right} of {questions.length} right
        </p>
        <p className="text-sm text-muted-foreground">Your mastery of {topicTitle} counts the latest answer to each question: retake the quiz to improve it.</p>
        <div className="flex gap-2">
          <Link href={`/roadmap/${topicId}`} className={buttonVariants({ size: "sm" })}>
            Back to {topicTitle}
          </Link>
          <Button
            size="sm"
            variant="outline"
            onClick={() => {
              setIndex(0);
              setRight(0);
              setChosen([]);
              setResult(null);
            }}
          >
            Retake
          </Button>
        </div>
      </Card>
    );

  const question = questions[index]!;
  const many = question.answersToChoose > 1;
  const toggle = (option: number) => {
    if (result) return;
    setChosen((was) => (many ? (was.includes(option) ? was.filter((o) => o !== option) : [...was, option]) : [option]));
  };
  const check = () =>
    startTransition(async () => {
      setError(null);
      const reply = await answerQuizAction({ questionSlug: question.slug, chosen });
      if (!reply.ok) return setError(reply.error.message);
      setResult(reply.data);
      if (reply.data.correct) setRight((n) => n + 1);
    });

  return (
    <Card className="flex flex-col gap-4" aria-labelledby="quiz-question">
      <p className="text-xs text-muted-foreground">
        Question {index + 1} of {questions.length}
        {question.lastAnswerRight !== null && ` · last time ${question.lastAnswerRight ? "right" : "wrong"}`}
      </p>
      <RenderedMarkdown id="quiz-question" className="text-sm" html={question.promptHtml} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium">{many ? `Choose all that apply (${question.answersToChoose}).` : "Choose one."}</legend>
        {question.options.map((option, i) => {
          const verdict = result?.options[i];
          return (
            <label
              key={option}
              className={cn(
                "flex cursor-pointer flex-col gap-1 rounded-md border p-3 text-sm",
                chosen.includes(i) && !result && "border-primary",
                verdict?.correct && "border-emerald-500 bg-emerald-500/5",
                verdict && !verdict.correct && chosen.includes(i) && "border-destructive bg-destructive/5",
              )}
            >
              <span className="flex items-start gap-2">
                <input
                  type={many ? "checkbox" : "radio"}
                  name={`option-${question.slug}`}
                  checked={chosen.includes(i)}
                  disabled={result !== null}
                  onChange={() => toggle(i)}
                  className="mt-1"
                />
                <span>{option}</span>
              </span>
              {verdict && (
                <span className="ml-6 text-xs text-muted-foreground" data-testid="option-explanation">
                  <strong className={verdict.correct ? "text-emerald-700 dark:text-emerald-400" : "text-destructive"}>
                    {verdict.correct ? "Right option. " : "Wrong option. "}
                  </strong>
                  {verdict.explanation}
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      {result ? (
        <div className="flex items-center gap-3">
          <p role="status" className={cn("text-sm font-medium", result.correct ? "text-emerald-700 dark:text-emerald-400" : "text-destructive")}>
            {result.correct ? "Right." : "Not quite: the right options are marked."}
          </p>
          <Button
            size="sm"
            onClick={() => {
              setIndex((i) => i + 1);
              setChosen([]);
              setResult(null);
            }}
          >
            {index + 1 < questions.length ? "Next question" : "See the score"}
          </Button>
        </div>
      ) : (
        <Button size="sm" className="self-start" disabled={chosen.length === 0 || pending} onClick={check}>
          {pending ? "Checking…" : "Check"}
        </Button>
      )}
    </Card>
  );
}
