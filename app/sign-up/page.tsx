import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AuthForm } from "@/components/auth/auth-form";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/server/auth/get-current-user";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <Card className="mx-auto flex max-w-sm flex-col gap-6">
      <div className="flex flex-col gap-1">
        <CardTitle>Create your account</CardTitle>
        <CardDescription>Track your progress through the OS roadmap and keep your drafts.</CardDescription>
      </div>
      <Suspense>
        <AuthForm mode="sign-up" />
      </Suspense>
    </Card>
  );
}
