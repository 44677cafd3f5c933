// The exercise statement, rendered once per process from the package's Markdown (see renderStatement),
// with its hints held back to be revealed one at a time.
import { Hints } from "@/components/exercises/hints";
import { renderStatement } from "@/lib/exercises/render-statement";

export async function Statement({ slug, markdown }: { slug: string; markdown: string }) {
  const { html, hints } = await renderStatement(slug, markdown);
  return (
    <>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the exercise package's own Markdown, rendered on the server (renderStatement) */}
      <article className="statement max-w-none text-sm leading-relaxed" dangerouslySetInnerHTML={{ __html: html }} />
      <Hints slug={slug} hints={hints} />
    </>
  );
}
