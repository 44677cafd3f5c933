// The catalog's text search and order: each word of the query is matched with Fuse.js (tolerant of
// typos, plurals and a dropped apostrophe: "bankers", "dedlock", "semaphore"), every word must
// match, and the best matches come first; without a query, titles sort as a reader reads them,
// ignoring a leading article ("An epoll key-value server" under E).
import Fuse, { type IFuseOptions } from "fuse.js";

/** One exercise as the catalog lists it, with the signed-in user's status. */
export interface CatalogEntry {
  slug: string;
  title: string;
  summary: string;
  difficulty: "easy" | "medium" | "hard";
  kind: string;
  languages: { id: string; label: string }[];
  topics: { id: string; title: string }[];
  status: "solved" | "attempted" | "new" | null;
}

export interface Searchable {
  title: string;
  summary: string;
  topics: { title: string }[];
}

const OPTIONS: IFuseOptions<Searchable> = {
  keys: [
    { name: "title", weight: 3 },
    { name: "topics.title", weight: 2 },
    { name: "summary", weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  // 0 is an exact match, 1 anything: 0.25 takes one wrong letter in a short word ("dedlock"), not two
  // ("dedlock" would match "d block" in "bounded blocking" at 0.34).
  threshold: 0.25,
  minMatchCharLength: 2,
};

/** The catalog's filters, as they appear in its address (?q=&topic=…). */
export const FILTER_PARAMS = ["q", "topic", "difficulty", "language", "status"] as const;
export type CatalogFilters = Record<(typeof FILTER_PARAMS)[number], string>;

/** The filters in a request's query; anything else (an array, a missing one) is no filter. */
export function catalogFilters(query: Record<string, string | string[] | undefined>): CatalogFilters {
  return Object.fromEntries(FILTER_PARAMS.map((name) => [name, typeof query[name] === "string" ? query[name].slice(0, 200) : ""])) as CatalogFilters;
}

/** The title without a leading article, for sorting. */
export function sortingTitle(title: string): string {
  return title.replace(/^(a|an|the)\s+/i, "");
}

export function byTitle<T extends { title: string }>(entries: T[]): T[] {
  return [...entries].sort((a, b) => sortingTitle(a.title).localeCompare(sortingTitle(b.title), "en", { sensitivity: "base" }));
}

/** The entries matching every word of `query`, best first; all of them, by title, for an empty query. */
export function searchCatalog<T extends Searchable>(entries: T[], query: string): T[] {
  const words = query
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter((word) => word.replace(/\W/g, "").length >= 2);
  if (words.length === 0) return byTitle(entries);
  const fuse = new Fuse(entries, OPTIONS);
  let scores: Map<T, number> | undefined;
  for (const word of words) {
    const found = new Map(fuse.search(word).map((hit) => [hit.item, hit.score ?? 0] as const));
    scores = scores ? new Map([...scores].filter(([entry]) => found.has(entry)).map(([entry, score]) => [entry, score + found.get(entry)!])) : found;
  }
  return [...scores!].sort((a, b) => a[1] - b[1] || sortingTitle(a[0].title).localeCompare(sortingTitle(b[0].title))).map(([entry]) => entry);
}
