// An interviewer's note is Markdown a person wrote: rendered to HTML on the server with raw HTML
// dropped and everything else sanitized (GitHub's rules: no javascript: links, no event handlers,
// no styles), then code highlighted. Notes are many and change: nothing is kept between renders.
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const pipeline = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeHighlight).use(rehypeStringify);

export async function renderNote(markdown: string): Promise<string> {
  return String(await pipeline.process(markdown));
}
