import { describe, expect, it } from "vitest";
import { renderStatement, splitHints } from "@/lib/exercises/render-statement";

const STATEMENT = `# Title

Story.

## Hints

1. One lock protects everything.
2. Wait in a loop:
   \`while (empty) wait\`.
3. Broadcast on close.

## Follow-up questions

- Why while?
`;

describe("statement hints", () => {
  it("takes the Hints list out of the body, item by item, continuation lines included", () => {
    const { body, hints } = splitHints(STATEMENT);
    expect(hints).toEqual(["One lock protects everything.", "Wait in a loop:\n`while (empty) wait`.", "Broadcast on close."]);
    expect(body).not.toContain("Hints");
    expect(body).toContain("## Follow-up questions");
    expect(body).toContain("Story.");
  });

  it("leaves a statement without hints alone", () => {
    expect(splitHints("# T\n\nBody.\n")).toEqual({ body: "# T\n\nBody.\n", hints: [] });
  });

  it("renders the body and each hint to HTML", async () => {
    const { html, hints } = await renderStatement("test-hints", STATEMENT);
    expect(html).toContain("<h2>Follow-up questions</h2>");
    expect(html).not.toContain("One lock");
    expect(hints[1]).toBe("<p>Wait in a loop:\n<code>while (empty) wait</code>.</p>");
  });
});
