// Statements are Markdown shipped with the code: rendered to HTML once per process, not per request.
import rehypeHighlight from "rehype-highlight";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const rendered = new Map<string, Promise<string>>();

/** HTML of a statement (GFM tables, highlighted code). Raw HTML in the Markdown is not passed through. */
export function renderStatement(key: string, markdown: string): Promise<string> {
  let html = rendered.get(key);
  if (!html) {
    html = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeHighlight)
      .use(rehypeStringify)
      .process(markdown)
      .then(String);
    rendered.set(key, html);
  }
  return html;
}
