import "./helpers/next-runtime";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as nextAuthGet, POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as realtimeAuth } from "@/app/api/realtime/auth/route";
import { PUT as uploadPut } from "@/app/api/uploads/[...key]/route";
import { requestUploads } from "@/lib/posts/service-uploads";
import { userChannel } from "@/lib/realtime/channels";
import { actAs, ROLES, type Role, roleUsers } from "./helpers/action-cases";
import { setupActionHarness, type TestUser } from "./helpers/actions";
import { jpeg } from "./helpers/media";

// The mutating route handlers, called as Next.js calls them, for every role: the realtime channel
// authorization (session + ownership of the channel), the local upload PUT (the signed URL is the
// permission, whoever sends it) and next-auth's credentials sign-in (validated in `authorize`).
const h = setupActionHarness();

describe("POST /api/realtime/auth", () => {
  const expected: Record<Role, number> = {
    anonymous: 401,
    owner: 200,
    other: 403,
    suspended: 401,
    moderator: 403,
    admin: 403,
  };
  const post = (body: string) =>
    realtimeAuth(
      new Request("http://localhost:3000/api/realtime/auth", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      }),
    );

  for (const role of ROLES) {
    it(`signs the owner's private channel for ${role}: ${expected[role]}`, async () => {
      const u = await roleUsers(h);
      await actAs(h, u, role);
      const form = new URLSearchParams({
        socket_id: "123.456",
        channel_name: userChannel(u.owner.id),
      });
      const res = await post(form.toString());
      expect(res.status).toBe(expected[role]);
      const body = (await res.json()) as { auth?: string; ok?: boolean };
      expect(Boolean(body.auth)).toBe(expected[role] === 200);
    });
  }

  it("refuses a missing channel or a malformed socket id with a 4xx, never a 500", async () => {
    const u = await roleUsers(h);
    await actAs(h, u, "owner");
    expect((await post("")).status).toBe(400);
    const bad = new URLSearchParams({ socket_id: "x", channel_name: userChannel(u.owner.id) });
    expect((await post(bad.toString())).status).toBe(403);
  });
});

describe("PUT /api/uploads/<key>", () => {
  async function slotUrl(owner: TestUser, size: number) {
    const r = await requestUploads(h.db(), h.storage, owner.id, {
      purpose: "post",
      files: [{ type: "image/jpeg", size }],
    });
    if (!r.ok) throw new Error(r.message);
    const slot = r.data.slots[0];
    if (!slot) throw new Error("no slot");
    return new URL(slot.url, "http://localhost:3000");
  }
  const put = (url: URL, body: Buffer) =>
    uploadPut(
      new Request(url, {
        method: "PUT",
        headers: { "content-type": "image/jpeg", "content-length": String(body.length) },
        body: new Uint8Array(body),
      }),
      { params: Promise.resolve({ key: url.pathname.replace("/api/uploads/", "").split("/") }) },
    );

  for (const role of ROLES) {
    it(`stores a signed upload whoever sends it (${role}), refuses a forged one`, async () => {
      const u = await roleUsers(h);
      const photo = await jpeg(200, 200);
      const url = await slotUrl(u.owner, photo.length);
      await actAs(h, u, role);
      const forged = new URL(url);
      forged.searchParams.set("max", String(photo.length * 100));
      expect((await put(forged, photo)).status).toBe(403);
      expect((await put(url, photo)).status).toBe(201);
    });
  }
});

describe("POST /api/auth/callback/credentials", () => {
  const base = "http://localhost:3000/api/auth";
  async function csrf() {
    const res = await nextAuthGet(new NextRequest(`${base}/csrf`));
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
    return { csrfToken, cookie };
  }
  async function signIn(fields: Record<string, string>) {
    const { csrfToken, cookie } = await csrf();
    const res = await nextAuthPost(
      new NextRequest(`${base}/callback/credentials`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie,
          "x-forwarded-for": "10.9.9.9",
        },
        body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: "/" }).toString(),
      }),
    );
    const setCookies = res.headers.getSetCookie?.() ?? [];
    return { status: res.status, session: setCookies.some((c) => /session-token=[^;]+/.test(c)) };
  }

  it("starts a session for good credentials only; bad input is refused, never a 500", async () => {
    const owner = await h.user({ password: "correct horse battery" });
    const suspended = await h.user({ status: "suspended", password: "correct horse battery" });
    const good = await signIn({ identifier: owner.username, password: owner.password });
    expect(good).toMatchObject({ session: true });
    const refusals: Record<string, string>[] = [
      { identifier: owner.username, password: "wrong password" },
      { identifier: suspended.username, password: suspended.password },
      { identifier: "", password: "" },
      { identifier: "x".repeat(300), password: "y" },
      // PostgreSQL refuses a NUL in text: it must never reach the user look-up.
      { identifier: "ana\u0000", password: "y" },
      { identifier: owner.username, password: "correct horse\u0000battery" },
      {},
    ];
    for (const fields of refusals) {
      const refused = await signIn(fields);
      expect(refused.status, JSON.stringify(fields)).toBeLessThan(500);
      expect(refused.session, JSON.stringify(fields)).toBe(false);
    }
  });
});
