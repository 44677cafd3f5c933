import type { Metadata } from "next";
import { Card, CardDescription } from "@/components/ui/card";

export const metadata: Metadata = { title: "Exercises" };

export default function ExercisesPage() {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Exercises</h1>
        <p className="text-muted-foreground">Problems from the OS roadmap, in C, Go and Python.</p>
      </div>
      <Card>
        <p className="font-medium">No exercises are installed yet</p>
        <CardDescription>
          Exercises appear here as their packages land in <code className="font-mono">exercises/</code>; the grading
          pipeline that runs them is being built.
        </CardDescription>
      </Card>
    </div>
  );
}
