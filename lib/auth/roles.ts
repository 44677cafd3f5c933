// What each team role may do. Roles are stored on Member.role; `owner` is given to a team's creator.
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements, ownerAc } from "better-auth/plugins/organization/access";

const statements = {
  ...defaultStatements,
  interview: ["create", "conduct", "view", "score"],
} as const;

export const accessControl = createAccessControl(statements);

export const teamRoles = {
  owner: accessControl.newRole({
    ...ownerAc.statements,
    interview: ["create", "conduct", "view", "score"],
  }),
  interviewer: accessControl.newRole({
    invitation: ["create", "cancel"],
    interview: ["create", "conduct", "view", "score"],
  }),
  candidate: accessControl.newRole({
    interview: ["view"],
  }),
};

export type TeamRole = keyof typeof teamRoles;
