// Statements are Markdown shipped with the code: rendered to HTML once per process, not per request.
// The "## Hints" section is taken out and each of its list items rendered on its own, so the page
// can reveal them one at a time.
import rehypeHighlight from "rehype-highlight";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

export interface RenderedStatement {
  html: string;
  /** The hints, in the order they unlock, each as HTML. */
  hints: string[];
}

const rendered = new Map<string, Promise<RenderedStatement>>();

/** Splits the statement into its body and the items of its "## Hints" ordered list (Markdown each). */
export function splitHints(markdown: string): { body: string; hints: string[] } {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => /^## Hints\s*$/.test(line));
  if (start < 0) return { body: markdown, hints: [] };
  let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  if (end < 0) end = lines.length;
  const hints: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const item = /^\d+\.\s+(.*)$/.exec(line);
    if (item) hints.push(item[1]!);
    else if (hints.length > 0 && line.trim() !== "") hints[hints.length - 1] += `\n${line.trim()}`;
  }
  return { body: [...lines.slice(0, start), ...lines.slice(end)].join("\n"), hints };
}

function toHtml(markdown: string): Promise<string> {
  return unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeHighlight).use(rehypeStringify).process(markdown).then(String);
}

/** HTML of a statement (GFM tables, highlighted code) and of its hints. Raw HTML in the Markdown is not passed through. */
export function renderStatement(key: string, markdown: string): Promise<RenderedStatement> {
  let statement = rendered.get(key);
  if (!statement) {
    const { body, hints } = splitHints(markdown);
    statement = Promise.all([toHtml(body), Promise.all(hints.map(toHtml))]).then(([html, hintsHtml]) => ({ html, hints: hintsHtml }));
    rendered.set(key, statement);
  }
  return statement;
}

const renderedMarkdown = new Map<string, Promise<string>>();

/** HTML of a piece of shipped Markdown (a question's prompt or answer), rendered once per process. */
export function renderMarkdown(markdown: string): Promise<string> {
  let html = renderedMarkdown.get(markdown);
  if (!html) {
    html = toHtml(markdown);
    renderedMarkdown.set(markdown, html);
  }
  return html;
}
