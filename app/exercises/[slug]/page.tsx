// Prerendered at build for every exercise: the statement and the starters are the same for every
// reader, so the page is served from the build's output; the reader's own drafts and history load
// from GET /api/exercises/:slug/workspace (see ExerciseWorkspace).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExercisePanes } from "@/components/exercises/exercise-panes";
import { ExerciseWorkspace, type WorkspaceLanguage } from "@/components/exercises/exercise-workspace";
import { Statement } from "@/components/exercises/statement";
import { findExerciseManifest, getExerciseManifests, getExercisePackage } from "@/lib/exercises/exercise-catalog";
import { LANGUAGE_LABELS, type Language } from "@/contracts/languages";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return (await getExerciseManifests()).map(({ slug }) => ({ slug }));
}

const KIND_LABELS = { io: "reads input, prints answers", link: "implements an API", server: "a network server" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const manifest = await findExerciseManifest((await params).slug);
  return { title: manifest?.title ?? "Exercise not found" };
}

export default async function ExercisePage({ params }: Props) {
  const { slug } = await params;
  if (!(await findExerciseManifest(slug))) notFound();
  const exercise = await getExercisePackage(slug);
  // Neighbours in the catalog's order (by title).
  const all = await getExerciseManifests();
  const at = all.findIndex((manifest) => manifest.slug === slug);
  const [previous, next] = [all[at - 1], all[at + 1]];
  const languages: WorkspaceLanguage[] = (Object.keys(exercise.manifest.languages) as Language[]).map((id) => ({
    id,
    label: LANGUAGE_LABELS[id],
    edit: exercise.starters[id]!.edit,
    support: exercise.starters[id]!.support,
  }));
  return (
    <ExercisePanes
      statement={
        <>
          <p className="mb-2 text-xs text-muted-foreground">
            {{ easy: "Easy", medium: "Medium", hard: "Hard" }[exercise.manifest.difficulty]} · {KIND_LABELS[exercise.manifest.kind]}
          </p>
          <Statement slug={slug} markdown={exercise.statement} />
          <nav aria-label="Other exercises" className="mt-8 flex flex-wrap justify-between gap-3 border-t pt-4 text-sm">
            {previous ? (
              <Link href={`/exercises/${previous.slug}`} rel="prev" className="text-muted-foreground hover:text-foreground">
                ← {previous.title}
              </Link>
            ) : (
              <span />
            )}
            {next && (
              <Link href={`/exercises/${next.slug}`} rel="next" className="ml-auto text-right text-muted-foreground hover:text-foreground">
                {next.title} →
              </Link>
            )}
          </nav>
        </>
      }
    >
      <ExerciseWorkspace slug={slug} languages={languages} exerciseKind={exercise.manifest.kind} />
    </ExercisePanes>
  );
}
