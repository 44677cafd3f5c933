// The exercise statement, rendered once per process from the package's Markdown (see renderStatement),
// with its hints held back to be revealed one at a time.
import { Hints, type RoomHints } from "@/components/exercises/hints";
import { renderStatement } from "@/lib/exercises/render-statement";

export async function Statement({ slug, markdown, room }: { slug: string; markdown: string; room?: RoomHints }) {
  const { html, hints } = await renderStatement(slug, markdown);
  return (
    <>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the exercise package's own Markdown, rendered on the server (renderStatement) */}
      <article className="statement max-w-none text-sm leading-relaxed" dangerouslySetInnerHTML={{ __html: html }} />
      <Hints slug={slug} hints={hints} room={room} />
    </>
  );
}
