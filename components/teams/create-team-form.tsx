"use client";
// Creates a team; its address (/teams/<slug>) follows the name until edited.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createTeamAction } from "@/lib/actions/team-actions";

export const slugFrom = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");

export function CreateTeamForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const address = slug ?? slugFrom(name);

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setProblem(null);
        const created = await createTeamAction({ name, slug: address });
        setBusy(false);
        if (!created.ok) return setProblem(created.error.message);
        router.push(`/teams/${created.data.slug}`);
      }}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="team-name">Team name</Label>
        <Input id="team-name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="team-slug">Address</Label>
        <Input id="team-slug" value={address} onChange={(event) => setSlug(event.target.value)} required maxLength={48} aria-describedby="team-slug-hint" />
        <p id="team-slug-hint" className="text-xs text-muted-foreground">
          The team's page: /teams/{address || "…"}
        </p>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
      <Button type="submit" disabled={busy} className="self-start">
        Create team
      </Button>
    </form>
  );
}
