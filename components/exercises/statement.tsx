// The exercise statement: Markdown with GFM tables and highlighted code, rendered on the server.
import ReactMarkdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";

export function Statement({ markdown }: { markdown: string }) {
  return (
    <article className="statement max-w-none text-sm leading-relaxed">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeHighlight]}>
        {markdown}
      </ReactMarkdown>
    </article>
  );
}
