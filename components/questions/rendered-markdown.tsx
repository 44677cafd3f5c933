// A question's prompt or answer: the bank's own Markdown, rendered on the server (renderMarkdown, no raw HTML passed through).
import { cn } from "@/lib/utils";

export function RenderedMarkdown({ html, className, ...rest }: { html: string; className?: string; id?: string; "data-testid"?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the question bank's own Markdown, rendered on the server (renderMarkdown)
  return <div className={cn("statement", className)} {...rest} dangerouslySetInnerHTML={{ __html: html }} />;
}
