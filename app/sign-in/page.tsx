import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AuthForm } from "@/components/auth/auth-form";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/server/auth/get-current-user";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <Card className="mx-auto flex max-w-sm flex-col gap-6">
      <div className="flex flex-col gap-1">
        <CardTitle>Sign in</CardTitle>
        <CardDescription>Welcome back. Your drafts and progress are waiting.</CardDescription>
      </div>
      <Suspense>
        <AuthForm mode="sign-in" />
      </Suspense>
    </Card>
  );
}
