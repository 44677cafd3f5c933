// The OS roadmap (roadmap/roadmap.yaml): sections and the topics exercises are filed under.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { z } from "zod";
import { ROADMAP_FILE } from "@/lib/paths";

export { ROADMAP_FILE };

const roadmapSchema = z.object({
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      topics: z.array(z.object({ id: z.string(), title: z.string() }).strict()).min(1),
    }),
  ),
});

export type Roadmap = z.infer<typeof roadmapSchema>;

export async function loadRoadmap(file = ROADMAP_FILE): Promise<Roadmap> {
  return roadmapSchema.parse(parse(await readFile(file, "utf8")));
}

export function topicIds(roadmap: Roadmap): Set<string> {
  return new Set(roadmap.sections.flatMap((section) => section.topics.map((topic) => topic.id)));
}

let cached: Promise<Roadmap> | undefined;

/** The shipped roadmap, read once per process (a file shipped with the code). */
export function getRoadmap(): Promise<Roadmap> {
  cached ??= loadRoadmap();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
