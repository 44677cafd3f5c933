import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonVariants } from "@/components/ui/button";
import type { CurrentUser } from "@/lib/server/auth/get-current-user";

const sections = [
  { href: "/exercises", label: "Exercises" },
  { href: "/roadmap", label: "Roadmap" },
  { href: "/interviews", label: "Interviews" },
  { href: "/dashboard", label: "Dashboard" },
];

export function SiteHeader({ user }: { user: CurrentUser | null }) {
  return (
    <header className="border-b">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="font-mono text-lg font-bold tracking-tight">
          osprep
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm text-muted-foreground">
          {sections.map((section) => (
            <Link key={section.href} href={section.href} className="hover:text-foreground">
              {section.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2 text-sm">
          {user ? (
            <>
              <span className="hidden text-muted-foreground sm:inline" data-testid="signed-in-as">
                {user.email}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className={buttonVariants({ variant: "ghost", size: "sm" })}>
                Sign in
              </Link>
              <Link href="/sign-up" className={buttonVariants({ size: "sm" })}>
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
