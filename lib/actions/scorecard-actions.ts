"use server";
// Server actions of rubrics (a team's owners) and scorecards (an interview's interviewers).
import { authedAction, roomAction } from "@/lib/actions/safe-action";
import { listCandidateScorecards, openScorecard, saveScorecard } from "@/lib/server/scorecards/scorecards";
import { resetTeamRubric, saveTeamRubric } from "@/lib/server/scorecards/team-rubric";
import { interviewIdSchema } from "@/lib/validations/interviews";
import { saveRubricSchema, saveScorecardSchema, teamSlugInputSchema } from "@/lib/validations/scorecards";

export const saveRubricAction = authedAction(saveRubricSchema, async (input, { user }) => saveTeamRubric({ userId: user.id, input }));
export const resetRubricAction = authedAction(teamSlugInputSchema, async ({ slug }, { user }) => resetTeamRubric({ userId: user.id, slug }));

export const openScorecardAction = roomAction(interviewIdSchema, async ({ interviewId }, { viewer }) => openScorecard({ interviewId, viewer }));
export const saveScorecardAction = roomAction(saveScorecardSchema, async (input, { viewer }) => saveScorecard({ viewer, input }));
export const listScorecardsAction = roomAction(interviewIdSchema, async ({ interviewId }, { viewer }) => listCandidateScorecards({ interviewId, viewer }));
