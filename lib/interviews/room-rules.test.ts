import { describe, expect, it } from "vitest";
import { memberRoomRole } from "@/lib/interviews/room-rules";

const interview = { candidateUserId: "cand" };

describe("a member's role in an interview's room", () => {
  it("is interviewer for the team's owners and interviewers, candidate for the interview's candidate member", () => {
    expect(memberRoomRole("owner", "alice", interview)).toBe("interviewer");
    expect(memberRoomRole("interviewer", "bob", interview)).toBe("interviewer");
    expect(memberRoomRole("candidate", "cand", interview)).toBe("candidate");
  });

  it("is none for another candidate of the team, or anyone outside it", () => {
    expect(memberRoomRole("candidate", "other", interview)).toBeNull();
    expect(memberRoomRole(null, "cand", interview)).toBeNull();
    expect(memberRoomRole(null, "alice", interview)).toBeNull();
  });

  it("stays candidate for the interview's candidate once made an interviewer or owner: notes and scorecards about them stay out of reach", () => {
    expect(memberRoomRole("interviewer", "cand", interview)).toBe("candidate");
    expect(memberRoomRole("owner", "cand", interview)).toBe("candidate");
  });

  it("is interviewer for every owner and interviewer when a guest is the candidate", () => {
    expect(memberRoomRole("interviewer", "cand", { candidateUserId: null })).toBe("interviewer");
  });
});
