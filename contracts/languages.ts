// The languages osprep grades, as every layer names them.
export const LANGUAGES = ["c", "cpp", "go", "python"] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_LABELS: Record<Language, string> = { c: "C", cpp: "C++", go: "Go", python: "Python" };
