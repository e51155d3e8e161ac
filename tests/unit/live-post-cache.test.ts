import { describe, expect, it } from "vitest";
import type { CommentsData } from "@/components/comments/comments-query";
import { replaceComment } from "@/components/comments/comments-query";
import {
  applyCommentAdded,
  applyCommentDeleted,
  applyLikeCount,
  applyPostComments,
  applyPostRemoved,
  isInfiniteList,
  withLatestComment,
} from "@/components/realtime/live-cache-updates";
import type { AuthorView, CommentView } from "@/lib/shared/post-views";

const POST = "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5a";
const OTHER = "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5f";
const ana: AuthorView = { id: "u-ana", username: "ana", name: "Ana", avatarUrl: null };
const ben: AuthorView = { id: "u-ben", username: "ben.k", name: "Ben", avatarUrl: null };

function comment(id: string, author = ben, body = `comment ${id}`): CommentView {
  return {
    id,
    postId: POST,
    author,
    body,
    createdAt: "2025-01-02T03:04:05.000Z",
    viewerCanDelete: false,
  };
}

function comments(...pages: CommentView[][]): CommentsData {
  return {
    pages: pages.map((items, i) => ({ items, nextCursor: i < pages.length - 1 ? `c${i}` : null })),
    pageParams: pages.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
  };
}

const ids = (data: CommentsData) => data.pages.map((p) => p.items.map((c) => c.id));

type FeedItem = {
  id: string;
  likeCount: number;
  commentCount: number;
  viewerHasLiked: boolean;
  latestComments: CommentView[];
  latestLiker?: { username: string } | null;
};
const feedItem = (id: string, extra: Partial<FeedItem> = {}): FeedItem => ({
  id,
  likeCount: 3,
  commentCount: 2,
  viewerHasLiked: true,
  latestComments: [comment("c1"), comment("c2")],
  ...extra,
});
const feed = (...pages: FeedItem[][]) => ({
  pages: pages.map((items) => ({ items, nextCursor: null })),
  pageParams: pages.map(() => null),
});

describe("applyLikeCount", () => {
  it("sets the count of the post on every page, and nothing else", () => {
    const data = feed([feedItem(OTHER)], [feedItem(POST)]);
    const next = applyLikeCount(data, POST, 10);
    expect(next.pages[1]?.items[0]).toEqual({ ...feedItem(POST), likeCount: 10 });
    expect(next.pages[1]?.items[0]?.viewerHasLiked).toBe(true);
    expect(next.pages[0]).toBe(data.pages[0]);
  });

  it("answers the same object when nothing changes (no re-render)", () => {
    const data = feed([feedItem(POST, { likeCount: 10 })]);
    expect(applyLikeCount(data, POST, 10)).toBe(data);
    expect(applyLikeCount(data, "someone-else", 4)).toBe(data);
  });

  it("drops the card's latest liker, whom the event does not name", () => {
    const data = feed([feedItem(POST, { latestLiker: { username: "ben.k" } })]);
    const next = applyLikeCount(data, POST, 2);
    expect(next.pages[0]?.items[0]).toMatchObject({ likeCount: 2, latestLiker: null });
  });

  it("leaves items without a likeCount alone (people lists)", () => {
    const data = { pages: [{ items: [{ id: POST, username: "x" }] }], pageParams: [null] };
    expect(applyLikeCount(data, POST, 4)).toBe(data);
  });
});

describe("applyCommentAdded", () => {
  it("puts a new comment on top of the first page", () => {
    const data = comments([comment("c3"), comment("c2")], [comment("c1")]);
    const next = applyCommentAdded(data, comment("c4"));
    expect(ids(next)).toEqual([["c4", "c3", "c2"], ["c1"]]);
    expect(next.pages[1]).toBe(data.pages[1]);
    expect(next.pageParams).toBe(data.pageParams);
  });

  it("ignores a comment already listed (the author's own, returned by the action)", () => {
    const data = comments([comment("c3"), comment("c2")], [comment("c1")]);
    expect(applyCommentAdded(data, comment("c3"))).toBe(data);
    expect(applyCommentAdded(data, comment("c1"))).toBe(data);
  });

  it("confirms the viewer's comment still posting instead of adding it twice", () => {
    const data = comments([comment("pending:abc", ana, "hello"), comment("c2")]);
    const next = applyCommentAdded(data, comment("c9", ana, "hello"));
    expect(ids(next)).toEqual([["c9", "c2"]]);
    // ...and the action's answer that follows does not add it again.
    const settled = replaceComment(next, "pending:abc", comment("c9", ana, "hello"));
    expect(ids(settled)).toEqual([["c9", "c2"]]);
  });

  it("does not take someone else's comment with the same words for the viewer's", () => {
    const data = comments([comment("pending:abc", ana, "hello")]);
    const next = applyCommentAdded(data, comment("c9", ben, "hello"));
    expect(ids(next)).toEqual([["c9", "pending:abc"]]);
  });

  it("starts a list when there is no page", () => {
    const next = applyCommentAdded({ pages: [], pageParams: [] }, comment("c1"));
    expect(ids(next)).toEqual([["c1"]]);
  });
});

describe("replaceComment", () => {
  it("adds the posted comment when a refetch dropped its pending copy", () => {
    const data = comments([comment("c2")]);
    expect(ids(replaceComment(data, "pending:x", comment("c3")))).toEqual([["c3", "c2"]]);
  });
});

describe("applyCommentDeleted", () => {
  it("removes the comment from whichever page holds it", () => {
    const data = comments([comment("c3"), comment("c2")], [comment("c1")]);
    const next = applyCommentDeleted(data, "c1");
    expect(ids(next)).toEqual([["c3", "c2"], []]);
    expect(next.pages[0]).toBe(data.pages[0]);
  });

  it("answers the same object for an unknown comment", () => {
    const data = comments([comment("c2")]);
    expect(applyCommentDeleted(data, "nope")).toBe(data);
  });
});

describe("applyPostComments (feed cards)", () => {
  it("sets the count and keeps the two newest comments, oldest first", () => {
    const data = feed([feedItem(POST), feedItem(OTHER)]);
    const next = applyPostComments(data, POST, { commentCount: 3, added: comment("c3") });
    const item = next.pages[0]?.items[0];
    expect(item?.commentCount).toBe(3);
    expect(item?.latestComments.map((c) => c.id)).toEqual(["c2", "c3"]);
    expect(next.pages[0]?.items[1]).toBe(data.pages[0]?.items[1]);
  });

  it("does not repeat a comment the card already shows", () => {
    const data = feed([feedItem(POST)]);
    const next = applyPostComments(data, POST, { commentCount: 2, added: comment("c2") });
    expect(next).toBe(data);
  });

  it("drops a deleted comment and sets the count", () => {
    const data = feed([feedItem(POST)]);
    const next = applyPostComments(data, POST, { commentCount: 1, deletedId: "c1" });
    expect(next.pages[0]?.items[0]?.latestComments.map((c) => c.id)).toEqual(["c2"]);
    expect(next.pages[0]?.items[0]?.commentCount).toBe(1);
  });

  it("sets only the count on grid items, which have no latest comments", () => {
    const data = { pages: [{ items: [{ id: POST, commentCount: 1 }] }], pageParams: [null] };
    const next = applyPostComments(data, POST, { commentCount: 5, added: comment("c5") });
    expect(next.pages[0]?.items[0]).toEqual({ id: POST, commentCount: 5 });
  });

  it("keeps at most two latest comments", () => {
    const one = withLatestComment([comment("a")], comment("b"));
    expect(one.map((c) => c.id)).toEqual(["a", "b"]);
    expect(withLatestComment(one, comment("c")).map((c) => c.id)).toEqual(["b", "c"]);
  });
});

describe("applyPostRemoved", () => {
  it("takes the post out of every page", () => {
    const data = feed([feedItem(OTHER), feedItem(POST)], [feedItem(POST)]);
    const next = applyPostRemoved(data, POST);
    expect(next.pages.map((p) => p.items.map((i) => i.id))).toEqual([[OTHER], []]);
  });

  it("answers the same object when the post is not listed", () => {
    const data = feed([feedItem(OTHER)]);
    expect(applyPostRemoved(data, POST)).toBe(data);
  });
});

describe("isInfiniteList", () => {
  it("recognises infinite-query data and nothing else", () => {
    expect(isInfiniteList(feed([feedItem(POST)]))).toBe(true);
    expect(isInfiniteList({ liked: true, likeCount: 1, saved: false })).toBe(false);
    expect(isInfiniteList({ pages: [{ items: [1, 2] }], pageParams: [] })).toBe(false);
    expect(isInfiniteList(null)).toBe(false);
  });
});
