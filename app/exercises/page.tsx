import type { Metadata } from "next";
import { ExerciseCatalog } from "@/components/exercises/exercise-catalog";
import { catalogFilters } from "@/lib/exercises/catalog-search";
import { getCurrentUser } from "@/lib/server/auth/get-current-user";
import { listCatalog } from "@/lib/server/exercises/list-catalog";

export const metadata: Metadata = { title: "Exercises" };

export default async function ExercisesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, params] = await Promise.all([getCurrentUser(), searchParams]);
  const entries = await listCatalog({ userId: user?.id ?? null });
  const filters = catalogFilters(params);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Exercises</h1>
        <p className="text-muted-foreground">Problems from the OS roadmap, in C, Go and Python, judged on correctness and performance.</p>
      </div>
      <ExerciseCatalog entries={entries} signedIn={user !== null} filters={filters} />
    </div>
  );
}
