import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "osprep — operating-systems interview practice", template: "%s · osprep" },
  description:
    "Practise operating-systems and Linux systems-programming interviews: write C, Go or Python, run it in a hardened sandbox, and get judged on correctness and performance.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <SiteHeader />
        <main className="mx-auto w-full max-w-7xl px-4 py-8 sm:px-6">{children}</main>
      </body>
    </html>
  );
}
