// POST /api/submissions — run or submit code for an exercise; answers 202 with the submission's id
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route-handler";
import { readJsonWithin } from "@/lib/api/read-body";
import { requireSameSiteJson } from "@/lib/api/same-origin";
import { requireApiUser } from "@/lib/server/auth/require-api-user";
import { createSubmission } from "@/lib/server/submissions/create-submission";
import { createSubmissionSchema, MAX_CODE_BYTES } from "@/lib/validations/submissions";

export const dynamic = "force-dynamic";

/** Generous room for JSON escaping around the largest allowed code and input. */
const MAX_BODY_BYTES = 4 * MAX_CODE_BYTES + 64 * 1024;

export const POST = apiRoute(async (request) => {
  const user = await requireApiUser(request);
  requireSameSiteJson(request);
  const body = await readJsonWithin(request, {
    maxBytes: MAX_BODY_BYTES,
    tooLarge: "The request is too large: code is limited to 64 KiB.",
    expected: '{"exerciseSlug", "language", "code", "kind"}',
  });
  const input = createSubmissionSchema.parse(body);
  const { id } = await createSubmission({ author: { userId: user.id }, input });
  return NextResponse.json({ id, events: `/api/submissions/${id}/events` }, { status: 202, headers: { location: `/api/submissions/${id}` } });
});
