// The exercise statement, rendered once per process from the package's Markdown (see renderStatement).
import { renderStatement } from "@/lib/exercises/render-statement";

export async function Statement({ slug, markdown }: { slug: string; markdown: string }) {
  const html = await renderStatement(slug, markdown);
  return <article className="statement max-w-none text-sm leading-relaxed" dangerouslySetInnerHTML={{ __html: html }} />;
}
