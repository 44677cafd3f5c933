"use client";
// The header's account corner, filled in the browser from the session so that every page can be
// served the same to everyone (prerendered pages such as an exercise's stay static).
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonVariants } from "@/components/ui/button";
import { authClient } from "@/lib/auth/client";

export function AccountNav() {
  const { data: session, isPending } = authClient.useSession();
  // Held open while the session loads, so the header does not jump.
  if (isPending) return <span className="h-8 w-40" aria-hidden="true" />;
  if (session) {
    return (
      <>
        <span className="max-w-48 truncate text-muted-foreground" data-testid="signed-in-as" title={session.user.email}>
          {session.user.name || session.user.email}
        </span>
        <SignOutButton />
      </>
    );
  }
  return (
    <>
      <Link href="/sign-in" className={buttonVariants({ variant: "ghost", size: "sm" })}>
        Sign in
      </Link>
      <Link href="/sign-up" className={buttonVariants({ size: "sm" })}>
        Sign up
      </Link>
    </>
  );
}
