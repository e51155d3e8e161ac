import { describe, expect, it } from "vitest";
import { PUSH_KINDS, pushKindOf } from "@/lib/push/kinds";
import { PUSH_MESSAGES, pushGroupKey } from "@/lib/push/messages";

const facts = { actor: "ana", actorUsername: "ana", others: 0, postId: "p1", excerpt: null };

describe("push messages", () => {
  it("groups likes, comments and mentions per post, follows per recipient", () => {
    expect(pushGroupKey("like", "p1")).toBe("like:p1");
    expect(pushGroupKey("comment", "p1")).toBe("comment:p1");
    expect(pushGroupKey("follow", null)).toBe("follow");
    expect(pushGroupKey("follow_request", null)).toBe("follow_request");
    expect(pushGroupKey("something_new", "p1")).toBeNull();
  });

  it("says how many people a grouped push stands for", () => {
    const like = PUSH_MESSAGES.like;
    expect(like?.body(facts)).toBe("ana liked your post.");
    expect(like?.body({ ...facts, others: 1 })).toBe("ana and 1 other liked your post.");
    expect(like?.body({ ...facts, others: 9 })).toBe("ana and 9 others liked your post.");
    expect(PUSH_MESSAGES.comment?.body({ ...facts, excerpt: "nice!" })).toBe(
      "ana commented: nice!",
    );
  });

  it("opens the post, the profile or the requests inbox", () => {
    expect(PUSH_MESSAGES.like?.url(facts)).toBe("/p/p1");
    expect(PUSH_MESSAGES.follow?.url(facts)).toBe("/ana");
    expect(PUSH_MESSAGES.follow_request?.url(facts)).toBe("/notifications/requests");
  });

  it("every kind of Settings has a message for each notification kind it covers", () => {
    for (const option of PUSH_KINDS) {
      for (const kind of option.notificationKinds) {
        expect(PUSH_MESSAGES[kind], kind).toBeDefined();
        expect(pushKindOf(kind)).toBe(option.key);
      }
    }
  });
});
