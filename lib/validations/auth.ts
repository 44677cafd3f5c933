// The sign-up and sign-in contracts, shared by the forms and the tests; the rules themselves live in
// lib/auth/account-rules.ts, which the server's auth hooks enforce as well.
import "@/lib/validations/zod-setup";
import { z } from "zod";
import { emailProblem, nameProblem, passwordProblem } from "@/lib/auth/account-rules";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/account-rules";

/** A zod check from a rule that names the problem. */
const rule = (problem: (value: unknown) => string | null) => (context: { value: string; issues: unknown[] }) => {
  const message = problem(context.value);
  if (message) context.issues.push({ code: "custom", message, input: context.value });
};

export const signInSchema = z.object({
  email: z.email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password."),
});

export const signUpSchema = z.object({
  name: z
    .string()
    .check(rule(nameProblem))
    .transform((name) => name.trim()),
  email: z.email("Enter a valid email address.").check(rule(emailProblem)),
  password: z.string().check(rule(passwordProblem)),
});

/** Only same-site paths may be returned to after signing in, never another host. */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/dashboard";
  return next;
}
