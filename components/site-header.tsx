import Link from "next/link";
import { AccountNav } from "@/components/auth/account-nav";

const sections = [
  { href: "/exercises", label: "Exercises" },
  { href: "/roadmap", label: "Roadmap" },
  { href: "/interviews", label: "Interviews" },
  { href: "/dashboard", label: "Dashboard" },
];

export function SiteHeader() {
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
          <AccountNav />
        </div>
      </div>
    </header>
  );
}
