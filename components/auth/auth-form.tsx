"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { authClient } from "@/lib/auth/client";
import { safeReturnPath, signInSchema, signUpSchema } from "@/lib/validations/auth";

type Mode = "sign-in" | "sign-up";
type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

/** The sign-in and sign-up form: validates with the shared schema, then calls better-auth. */
export function AuthForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const returnTo = safeReturnPath(useSearchParams().get("next"));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = (mode === "sign-up" ? signUpSchema : signInSchema).safeParse(values);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as keyof FieldErrors] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setPending(true);
    const { error } =
      mode === "sign-up"
        ? await authClient.signUp.email(parsed.data as { name: string; email: string; password: string })
        : await authClient.signIn.email(parsed.data);
    if (error) {
      setPending(false);
      setFormError(describeAuthError(mode, error));
      return;
    }
    router.push(returnTo);
    router.refresh();
  }

  const signUp = mode === "sign-up";
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-describedby="form-error">
      {signUp && (
        <Field id="name" label="Name" error={fieldErrors.name}>
          <Input id="name" name="name" autoComplete="name" required />
        </Field>
      )}
      <Field id="email" label="Email" error={fieldErrors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <Field id="password" label="Password" error={fieldErrors.password}>
        <Input id="password" name="password" type="password" autoComplete={signUp ? "new-password" : "current-password"} required />
      </Field>
      <p id="form-error" role="alert" className="min-h-5 text-sm text-destructive">
        {formError}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "One moment…" : signUp ? "Create account" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        {signUp ? "Already have an account? " : "New to osprep? "}
        <Link
          href={`${signUp ? "/sign-in" : "/sign-up"}?next=${encodeURIComponent(returnTo)}`}
          className="font-medium text-foreground underline underline-offset-4"
        >
          {signUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </form>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error && (
        <p className="text-sm text-destructive" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describeAuthError(mode: Mode, error: { status?: number; code?: string; message?: string }): string {
  // osprep's own limits say how long to wait; better-auth's say nothing.
  if (error.status === 429) return error.code === "RATE_LIMITED" && error.message ? error.message : "Too many attempts. Wait a minute, then try again.";
  if (mode === "sign-in") return "That email and password do not match an account. Check them and try again.";
  if (error.code === "USER_ALREADY_EXISTS" || error.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
    return "An account with this email already exists. Sign in instead.";
  }
  return error.message ?? "We could not create your account. Please try again.";
}
