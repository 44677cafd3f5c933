"use server";
// Server actions of the exercise page: Run/Submit, drafts. Each goes through authedAction.
import { authedAction } from "@/lib/actions/safe-action";
import { deleteDraft } from "@/lib/server/drafts/delete-draft";
import { saveDraft } from "@/lib/server/drafts/save-draft";
import { createSubmission } from "@/lib/server/submissions/create-submission";
import { getSubmission } from "@/lib/server/submissions/get-submission";
import { resetDraftSchema, saveDraftSchema } from "@/lib/validations/drafts";
import { createSubmissionSchema } from "@/lib/validations/submissions";

export const submitCodeAction = authedAction(createSubmissionSchema, async (input, { user }) => {
  const { id } = await createSubmission({ author: { userId: user.id }, input });
  return getSubmission({ userId: user.id, submissionId: id });
});

export const saveDraftAction = authedAction(saveDraftSchema, async (input, { user }) => saveDraft({ userId: user.id, ...input }));

export const resetDraftAction = authedAction(resetDraftSchema, async (input, { user }) => {
  await deleteDraft({ userId: user.id, ...input });
  return null;
});
