import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET as explore } from "@/app/api/explore/route";
import { GET as tagPosts } from "@/app/api/explore/tags/[tag]/route";
import { GET as feed } from "@/app/api/feed/route";
import { GET as notifications } from "@/app/api/notifications/route";
import { GET as comments } from "@/app/api/posts/[id]/comments/route";
import { GET as likes } from "@/app/api/posts/[id]/likes/route";
import { GET as followers } from "@/app/api/users/[username]/followers/route";
import { GET as following } from "@/app/api/users/[username]/following/route";
import { GET as profilePosts } from "@/app/api/users/[username]/posts/route";
import { GET as saved } from "@/app/api/users/[username]/saved/route";
import type { CurrentUser } from "@/lib/auth";
import { encodeCursor } from "@/lib/pagination/cursor";
import { withTestDatabase } from "./helpers/db";
import { insertPost, insertUser } from "./helpers/social";

// Every GET ?cursor= list route, called as Next.js calls it: a tampered cursor is a 400 with a
// clear message, never a 500 (and never reaches SQL as anything but a checked keyset).

const database = withTestDatabase();
const viewer: { value: CurrentUser | null } = { value: null };
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => viewer.value }));
vi.mock("@/lib/db", () => ({ getDb: () => database.db }));

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const someId = "0190a4d2-7c1e-7a2b-8c3d-4e5f60718293";

const tampered: [string, string][] = [
  ["bad base64 characters", "!!not*base64"],
  ["base64 of garbage", "Zm9vYmFy"],
  ["JSON instead of a keyset", b64('{"createdAt":1,"id":"x"}')],
  ["a bad id", b64(`${Date.now()}.not-a-uuid`)],
  ["a timestamp in the year 33658", b64(`999999999999999.${someId}`)],
  ["a timestamp in the year 300000", b64(`9405000000000000.${someId}`)],
  ["a timestamp before 1970", b64(`-1000.${someId}`)],
  ["NaN for a timestamp", b64(`NaN.${someId}`)],
  ["a very long cursor", "a".repeat(500)],
  ["an explore cursor with a bad snapshot id", b64(`${"-".repeat(36)}.3`)],
  ["an explore cursor with rank 0", b64(`${someId}.0`)],
];

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => unknown;

describe("a tampered cursor on every list route", () => {
  it.each(tampered)("is answered 400 'Invalid cursor.' for %s", async (_what, cursor) => {
    const me = await insertUser(database.db);
    viewer.value = {
      id: me.id,
      username: me.username,
      name: me.name,
      role: "user",
      avatarUrl: null,
    } as unknown as CurrentUser;
    const postId = await insertPost(database.db, me.id);
    const routes: [string, Handler, Record<string, string>][] = [
      ["/api/feed", feed as Handler, {}],
      ["/api/explore", explore as Handler, {}],
      ["/api/explore/tags/cats", tagPosts as Handler, { tag: "cats" }],
      ["/api/notifications", notifications as Handler, {}],
      [`/api/users/${me.username}/posts`, profilePosts as Handler, { username: me.username }],
      [`/api/users/${me.username}/followers`, followers as Handler, { username: me.username }],
      [`/api/users/${me.username}/following`, following as Handler, { username: me.username }],
      [`/api/users/${me.username}/saved`, saved as Handler, { username: me.username }],
      [`/api/posts/${postId}/comments`, comments as Handler, { id: postId }],
      [`/api/posts/${postId}/likes`, likes as Handler, { id: postId }],
    ];
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const [path, handler, params] of routes) {
        const url = `http://app.test${path}?cursor=${encodeURIComponent(cursor)}`;
        const res = (await handler(new NextRequest(url), {
          params: Promise.resolve(params),
        })) as Response;
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(await res.json()).toEqual({
          ok: false,
          code: "VALIDATION",
          message: "Invalid cursor.",
        });
      }
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it("still pages with a genuine cursor", async () => {
    const me = await insertUser(database.db);
    viewer.value = { id: me.id, username: me.username } as unknown as CurrentUser;
    const cursor = encodeCursor({ createdAt: new Date(), id: someId });
    const url = `http://app.test/api/users/${me.username}/posts?cursor=${cursor}`;
    const res = (await (profilePosts as Handler)(new NextRequest(url), {
      params: Promise.resolve({ username: me.username }),
    })) as Response;
    expect(res.status).toBe(200);
  });
});
