import { describe, expect, it } from "vitest";
import {
  appendReply,
  type CommentsData,
  patchComment,
  prependComment,
} from "@/components/comments/comments-query";
import { applyCommentAdded } from "@/components/realtime/live-cache-updates";
import { parsePostEvent } from "@/lib/realtime/types";
import type { CommentView } from "@/lib/shared/post-views";

// The pure cache updates behind replies and comment hearts, and their live events' contract.

const POST = "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5a";
const TOP = "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b50";
const author = {
  id: "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5b",
  username: "ana",
  name: "Ana",
  avatarUrl: null,
};
const reply = (n: number): CommentView => ({
  id: `0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b6${n}`,
  postId: POST,
  parentId: TOP,
  author,
  body: `reply ${n}`,
  createdAt: "2026-01-01T00:00:00.000Z",
  viewerCanDelete: false,
});
const list = (pages: CommentView[][], last: string | null = null): CommentsData => ({
  pages: pages.map((items, i) => ({ items, nextCursor: i === pages.length - 1 ? last : "c" })),
  pageParams: pages.map((_, i) => (i === 0 ? null : "c")),
});

describe("appendReply", () => {
  it("adds a reply at the end of a complete list, once", () => {
    const data = list([[reply(1)]]);
    const next = appendReply(data, reply(2));
    expect(next.pages[0]?.items.map((c) => c.body)).toEqual(["reply 1", "reply 2"]);
    expect(appendReply(next, reply(2))).toBe(next);
  });

  it("leaves a list with a later page to fetch alone (that page brings the reply)", () => {
    const data = list([[reply(1)]], "more");
    expect(appendReply(data, reply(2))).toBe(data);
  });
});

describe("a new comment under the pins", () => {
  it("goes after the pinned comments that lead the first page", () => {
    const pinned = { ...reply(1), parentId: undefined, pinned: true };
    const older = { ...reply(2), parentId: undefined };
    const fresh = { ...reply(3), parentId: undefined };
    const next = prependComment(list([[pinned, older]]), fresh);
    expect(next.pages[0]?.items.map((c) => c.id)).toEqual([pinned.id, fresh.id, older.id]);
    const live = applyCommentAdded(list([[pinned, older]]), fresh);
    expect(live.pages[0]?.items.map((c) => c.id)).toEqual([pinned.id, fresh.id, older.id]);
  });
});

describe("patchComment", () => {
  it("changes only the comment asked for, and answers the same data when it is absent", () => {
    const data = list([[reply(1), reply(2)]]);
    const next = patchComment(data, reply(2).id, () => ({ likeCount: 4 }));
    expect(next.pages[0]?.items.map((c) => c.likeCount)).toEqual([undefined, 4]);
    expect(patchComment(data, "nope", () => ({ likeCount: 1 }))).toBe(data);
  });
});

describe("reply and heart events", () => {
  it("carries a reply's id and counts, never its text or author", () => {
    const { parentId: _p, viewerCanDelete: _v, ...comment } = reply(1);
    const event = {
      postId: POST,
      parentId: TOP,
      commentId: comment.id,
      commentCount: 3,
      replyCount: 2,
    };
    // Each open page fetches the reply with its own session: the words stay off the channel.
    expect(parsePostEvent("reply.added", { ...event, comment })).toEqual(event);
    expect(parsePostEvent("reply.added", { ...event, commentId: "../x" })).toBeNull();
    expect(parsePostEvent("reply.added", { ...event, replyCount: -1 })).toBeNull();
  });

  it("refuses a negative heart count", () => {
    const event = { postId: POST, commentId: TOP, likeCount: -1 };
    expect(parsePostEvent("comment.like-count", event)).toBeNull();
    expect(parsePostEvent("comment.like-count", { ...event, likeCount: 2 })).not.toBeNull();
  });
});
