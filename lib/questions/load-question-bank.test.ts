import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { checkQuestionBank } from "@/lib/questions/load-question-bank";

const option = (text: string, correct: boolean, explanation?: string) => ({ text, correct, ...(explanation === undefined ? {} : { explanation }) });
const choice = (slug: string, extra: object = {}) => ({
  slug,
  kind: "choice",
  prompt: `What about ${slug}?`,
  options: [option("The right one", true, "Because it is right."), option("A wrong one", false, "Because it is wrong."), option("Another", false, "Not this.")],
  ...extra,
});
const flashcard = (slug: string) => ({ slug, kind: "flashcard", prompt: `Recall ${slug}.`, answer: "The answer." });

async function bankOf(files: Record<string, unknown>, coverageIds: string[] = []) {
  const root = await mkdtemp(path.join(tmpdir(), "osprep-bank-"));
  const dir = path.join(root, "questions");
  const roadmapFile = path.join(root, "roadmap.yaml");
  await writeFile(
    roadmapFile,
    stringify({
      sections: [
        {
          id: "s",
          title: "S",
          topics: [
            { id: "alpha", title: "Alpha" },
            { id: "beta", title: "Beta" },
          ],
        },
      ],
    }),
  );
  await mkdir(dir);
  await writeFile(path.join(dir, "coverage.yaml"), stringify({ items: coverageIds.map((id) => ({ id, title: `Item ${id}`, source: "test" })) }));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), typeof content === "string" ? content : stringify(content));
  return checkQuestionBank({ dir, roadmapFile, minimums: { perTopic: 1, total: 2 } });
}

const problemsOf = async (...args: Parameters<typeof bankOf>) => (await bankOf(...args)).problems.map((p) => `${p.where}: ${p.problem}`);

describe("the question bank check", () => {
  it("passes the shipped bank: every roadmap topic with 5 questions or more, 150 in all, every coverage item answered", async () => {
    const { problems, bank } = await checkQuestionBank();
    expect(problems).toEqual([]);
    expect(bank.questions.length).toBeGreaterThanOrEqual(150);
  });

  it("names every seed interview question, key Linux concept and Go mapping as an item to cover", async () => {
    const { bank } = await checkQuestionBank();
    const ids = bank.coverage.items.map((item) => item.id);
    expect(ids.filter((id) => id.startsWith("seed:"))).toHaveLength(12);
    expect(ids.filter((id) => id.startsWith("concept:"))).toHaveLength(15);
    expect(ids.filter((id) => id.startsWith("go:")).sort()).toEqual(["go:clone", "go:futex", "go:netpoller-epoll"]);
  });

  it("accepts a well-formed bank", async () => {
    expect(
      await problemsOf(
        { "alpha.yaml": { topic: "alpha", questions: [choice("a1", { covers: ["seed:x"] })] }, "beta.yaml": { topic: "beta", questions: [flashcard("b1")] } },
        ["seed:x"],
      ),
    ).toEqual([]);
  });

  it("refuses an unknown topic, in the file and in `also`", async () => {
    const problems = await problemsOf({
      "alpha.yaml": { topic: "alpha", questions: [choice("a1", { also: ["gamma"] })] },
      "gamma.yaml": { topic: "gamma", questions: [flashcard("g1")] },
      "beta.yaml": { topic: "beta", questions: [flashcard("b1")] },
    });
    expect(problems).toContainEqual(expect.stringContaining('also: "gamma" is not a topic'));
    expect(problems).toContainEqual(expect.stringContaining('topic "gamma" is not a topic'));
  });

  it("refuses an option without an explanation, and a question with no right or no wrong option", async () => {
    const problems = await problemsOf({
      "alpha.yaml": {
        topic: "alpha",
        questions: [
          choice("a1", { options: [option("One", true), option("Two", false, "No."), option("Three", false, "No.")] }),
          choice("a2", { options: [option("One", false, "No."), option("Two", false, "No."), option("Three", false, "No.")] }),
        ],
      },
      "beta.yaml": { topic: "beta", questions: [flashcard("b1")] },
    });
    expect(problems).toContainEqual(expect.stringMatching(/questions\[0\] \(a1\)\.options\.0\.explanation/));
    expect(problems).toContainEqual(expect.stringContaining("mark at least one option correct"));
  });

  it("refuses a slug used twice across files", async () => {
    const problems = await problemsOf({
      "alpha.yaml": { topic: "alpha", questions: [choice("same")] },
      "beta.yaml": { topic: "beta", questions: [flashcard("same")] },
    });
    expect(problems).toContainEqual(expect.stringContaining('the slug "same" is used twice (first in alpha.yaml)'));
  });

  it("refuses an open question without what a strong answer contains", async () => {
    const problems = await problemsOf({
      "alpha.yaml": {
        topic: "alpha",
        questions: [{ slug: "o1", kind: "open", prompt: "Explain it.", modelAnswer: "It is so.", commonMistakes: ["Saying not."] }],
      },
      "beta.yaml": { topic: "beta", questions: [flashcard("b1")] },
    });
    expect(problems).toContainEqual(expect.stringContaining("strongAnswer"));
  });

  it("refuses a coverage item no question answers, and a `covers` naming no item", async () => {
    const problems = await problemsOf(
      {
        "alpha.yaml": { topic: "alpha", questions: [choice("a1", { covers: ["concept:nothing"] })] },
        "beta.yaml": { topic: "beta", questions: [flashcard("b1")] },
      },
      ["seed:unanswered"],
    );
    expect(problems).toContainEqual(expect.stringContaining('"seed:unanswered" (Item seed:unanswered) is answered by no question'));
    expect(problems).toContainEqual(expect.stringContaining('covers: "concept:nothing" is not an item'));
  });

  it("refuses a topic with too few questions, a file named for another topic, and broken YAML", async () => {
    const problems = await problemsOf({ "alpha.yaml": { topic: "beta", questions: [choice("a1"), choice("a2")] }, "broken.yaml": "topic: [unclosed" });
    expect(problems).toContainEqual(expect.stringContaining('topic is "beta" but the file is alpha.yaml'));
    expect(problems).toContainEqual(expect.stringContaining("alpha.yaml: the topic has 0 question(s)"));
    expect(problems).toContainEqual(expect.stringContaining("broken.yaml: is not valid YAML"));
  });
});
