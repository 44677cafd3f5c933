// GET|POST /api/auth/* — better-auth's own endpoints (sign up, sign in, sign out, session, teams)
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/server";

export const { GET, POST } = toNextJsHandler(auth);
