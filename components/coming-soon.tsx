import type { ReactNode } from "react";
import { Card, CardDescription } from "@/components/ui/card";

/** A section whose work is planned but not built yet: says what it will offer. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <Card className="flex flex-col gap-2">
        <p className="font-medium">Coming soon</p>
        <CardDescription>{children}</CardDescription>
      </Card>
    </div>
  );
}
