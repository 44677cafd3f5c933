// A team invitation as people use it: the owner invites an address and gets a link to share; the
// invitee opens it, makes an account with that address and accepts. A link without its token is no use.
import { describe, expect, inject, it } from "vitest";
import { signUp, uniqueEmail, useBrowser } from "@/e2e/support/browser";

const openContext = useBrowser();

describe("a team invitation", () => {
  it("is accepted through its link by the invited address", async () => {
    const { page: owner } = await openContext();
    await signUp(owner, uniqueEmail("owner"));
    const slug = `team-${Date.now()}`;
    const created = await owner.request.post("/api/auth/organization/create", { data: { name: "Paging Club", slug }, headers: { origin: inject("appUrl") } });
    expect(created.ok()).toBe(true);
    const { id: organizationId } = await created.json();
    const inviteeEmail = uniqueEmail("invitee");
    const invited = await owner.request.post("/api/auth/organization/invite-member", {
      data: { email: inviteeEmail, role: "interviewer", organizationId },
      headers: { origin: inject("appUrl") },
    });
    expect(invited.ok(), await invited.text()).toBe(true);
    const { link } = (await invited.json()) as { link: string };

    const { page: invitee } = await openContext();
    await invitee.goto(link);
    await invitee.getByText("invites").waitFor();
    expect(await invitee.textContent("body")).toContain(`to the team Paging Club as interviewer`);
    await invitee.getByRole("link", { name: "create an account" }).waitFor();

    await signUp(invitee, inviteeEmail);
    await invitee.goto(link);
    await invitee.getByRole("button", { name: "Accept" }).click();
    await invitee.waitForURL("**/interviews");
    const teams = await (await invitee.request.get("/api/auth/organization/list")).json();
    expect(teams.map((team: { slug: string }) => team.slug)).toEqual([slug]);

    await invitee.goto(link);
    expect(await invitee.textContent("body")).toContain("This invitation has been accepted.");
  });

  it("says a link without its token is not valid", async () => {
    const { page } = await openContext();
    await page.goto("/invitations/some-invitation?token=made-up");
    await page.getByText("This invitation link is not valid").waitFor();
  });
});
