"use client";
// The header on every page: the sections and the account corner in a row on wide screens; on a
// phone, a Menu button that opens them as a list (closed again by a choice, Escape, or a new page).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { AccountNav } from "@/components/auth/account-nav";
import { cn } from "@/lib/utils";

const sections = [
  { href: "/exercises", label: "Exercises" },
  { href: "/roadmap", label: "Roadmap" },
  { href: "/review", label: "Review" },
  { href: "/interviews", label: "Interviews" },
  { href: "/teams", label: "Teams" },
  { href: "/dashboard", label: "Dashboard" },
];

export function SiteHeader() {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const menuId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes whenever the page changes
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  const links = sections.map((section) => {
    const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
    return (
      <Link
        key={section.href}
        href={section.href}
        aria-current={current ? "page" : undefined}
        className={cn("hover:text-foreground", current && "font-medium text-foreground")}
        onClick={() => setOpen(false)}
      >
        {section.label}
      </Link>
    );
  });

  return (
    <header className="border-b">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="font-mono text-lg font-bold tracking-tight">
          osprep
        </Link>
        <nav aria-label="Main" className="hidden items-center gap-4 text-sm text-muted-foreground md:flex">
          {links}
        </nav>
        <div className="ml-auto hidden items-center gap-2 text-sm md:flex">
          <AccountNav />
        </div>
        <button
          type="button"
          className="ml-auto rounded-md border px-3 py-1.5 text-sm md:hidden"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((was) => !was)}
        >
          {open ? "Close" : "Menu"}
        </button>
      </div>
      {open && (
        <div id={menuId} className="border-t px-4 pb-4 md:hidden">
          <nav aria-label="Main" className="flex flex-col gap-3 py-3 text-base text-muted-foreground">
            {links}
          </nav>
          <div className="flex flex-wrap items-center gap-2 border-t pt-3 text-sm">
            <AccountNav />
          </div>
        </div>
      )}
    </header>
  );
}
