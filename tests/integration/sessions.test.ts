import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessions } from "@/db/schema";
import { endAllSessions } from "@/lib/auth/accounts";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-token";
import { endSession, listSessions, startSession } from "@/lib/auth/sessions";
import { runMaintenance } from "@/lib/maintenance/run";
import { changePassword } from "@/lib/users/service";
import { withTestDatabase } from "./helpers/db";
import { registeredAccount } from "./helpers/fixtures";

// The request's cookies and database, as getCurrentUser and "Log out" read them in the app.
const request = vi.hoisted(() => ({
  cookies: [] as { name: string; value: string }[],
  db: null as unknown,
  config: null as unknown as AuthConfig,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => request.cookies }),
  headers: async () => new Headers(),
}));
vi.mock("@/lib/db", () => ({ getDb: () => request.db }));
// next-auth's request pipeline is not under test: keep the config lib/auth hands it, to call its
// jwt callback (next-auth's own routes) and sign-out event as next-auth would.
vi.mock("next-auth", async (importOriginal) => ({
  // The real error classes (the two-factor sign-in errors extend CredentialsSignin).
  ...(await importOriginal<typeof import("next-auth")>()),
  default: (config: unknown) => {
    request.config = config as AuthConfig;
    return { handlers: {}, auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() };
  },
}));
vi.mock("next-auth/providers/credentials", () => ({ default: (options: unknown) => options }));

type Claims = { sub: string; sv: number; sid: string };
type AuthConfig = {
  callbacks: { jwt(params: { token: Claims }): Promise<unknown> };
  events: { signOut(message: { token: Claims }): Promise<void> };
};

const { endCurrentSession, getCurrentUser } = await import("@/lib/auth");
const { validateSessionClaims } = await import("@/lib/auth/session");

const database = withTestDatabase();
beforeEach(() => {
  request.db = database.db;
  request.cookies = [];
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const COOKIE = SESSION_COOKIE_NAMES[1] ?? "authjs.session-token";

const registered = () => registeredAccount(database.db);

/** A sign-in: its sessions row and the claims its cookie carries. */
async function signedIn(user: { id: string; sessionVersion: number }, userAgent = "") {
  // The address the app's own server recorded from the socket (lib/auth/socket-address.ts).
  const headers = new Headers({
    "user-agent": userAgent,
    [SOCKET_ADDRESS_HEADER]: "203.0.113.7",
  });
  const session = await startSession(database.db, user.id, headers);
  return { id: session.id, claims: { sub: user.id, sv: user.sessionVersion, sid: session.id } };
}

async function cookieFor(claims: { sub: string; sv: number; sid: string }) {
  const token = { ...claims, username: "x", role: "user" as const };
  const value = await encode({ token, secret: process.env.AUTH_SECRET ?? "", salt: COOKIE });
  return { name: COOKIE, value };
}

async function row(id: string) {
  const [found] = await database.db.select().from(sessions).where(eq(sessions.id, id));
  return found;
}

describe("log out", () => {
  it("ends the session on the server: a copied cookie stops working", async () => {
    const { user } = await registered();
    const { claims } = await signedIn(user);
    const copied = await cookieFor(claims);

    request.cookies = [copied];
    expect(await getCurrentUser()).toMatchObject({ id: user.id, username: user.username });

    await endCurrentSession(); // what "Log out" does before it clears the cookie
    request.cookies = [copied];
    expect(await getCurrentUser()).toBeNull();
    expect(await validateSessionClaims(database.db, claims)).toBeNull();
    // next-auth's own routes (the jwt callback) refuse it too.
    expect(await request.config.callbacks.jwt({ token: claims })).toBeNull();
  });

  it("through next-auth's sign-out route ends the session too", async () => {
    const { user } = await registered();
    const { claims } = await signedIn(user);
    expect(await request.config.callbacks.jwt({ token: claims })).toMatchObject({
      sub: user.id,
      username: user.username,
    });
    await request.config.events.signOut({ token: claims });
    expect(await request.config.callbacks.jwt({ token: claims })).toBeNull();
  });

  it("refuses a token without a session id (issued before sessions were kept)", async () => {
    const { user } = await registered();
    expect(await validateSessionClaims(database.db, { sub: user.id, sv: 1 })).toBeNull();
    expect(await validateSessionClaims(database.db, { sub: user.id, sv: 1, sid: "x" })).toBeNull();
  });
});

describe("ending one session from Settings", () => {
  it("ends that session and not this one", async () => {
    const { user } = await registered();
    const here = await signedIn(user);
    const phone = await signedIn(user);

    expect(await endSession(database.db, user.id, phone.id)).toEqual({ ok: true, data: null });
    expect(await validateSessionClaims(database.db, phone.claims)).toBeNull();
    expect(await validateSessionClaims(database.db, here.claims)).not.toBeNull();
    // Already ended: nothing to end twice.
    expect(await endSession(database.db, user.id, phone.id)).toMatchObject({ code: "NOT_FOUND" });
  });

  it("cannot end, or use, someone else's session", async () => {
    const { user: ana } = await registered();
    const { user: bob } = await registered();
    const anas = await signedIn(ana);

    expect(await endSession(database.db, bob.id, anas.id)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect((await row(anas.id))?.revokedAt).toBeNull();
    expect(await validateSessionClaims(database.db, anas.claims)).not.toBeNull();
    // A token naming Ana's session under Bob's id is refused.
    const borrowed = { sub: bob.id, sv: bob.sessionVersion, sid: anas.id };
    expect(await validateSessionClaims(database.db, borrowed)).toBeNull();
  });

  it("lists the live sessions, this device first, with a readable device", async () => {
    const { user } = await registered();
    const android =
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    const iphone =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    const here = await signedIn(user, android);
    const other = await signedIn(user, iphone);
    const ended = await signedIn(user, iphone);
    await endSession(database.db, user.id, ended.id);

    const list = await listSessions(database.db, user.id, here.id);
    expect(list.map((s) => [s.id, s.device, s.current])).toEqual([
      [here.id, "Chrome on Android", true],
      [other.id, "Safari on iPhone", false],
    ]);
    expect(list[0]?.ip).toBe("203.0.113.7");
  });
});

describe("sliding sessions", () => {
  it("move last seen and the idle expiry forward with use, at most every few minutes", async () => {
    const { user } = await registered();
    const { id, claims } = await signedIn(user);
    const start = (await row(id))?.lastSeenAt.getTime() ?? 0;

    await validateSessionClaims(database.db, claims, new Date(start + 2 * MINUTE));
    expect((await row(id))?.lastSeenAt.getTime()).toBe(start); // throttled: no write

    const later = new Date(start + 20 * DAY);
    expect(await validateSessionClaims(database.db, claims, later)).not.toBeNull();
    const moved = await row(id);
    expect(moved?.lastSeenAt.getTime()).toBe(later.getTime());
    expect(moved?.expiresAt.getTime()).toBe(later.getTime() + 30 * DAY);
    // Used on day 20, so still good on day 45, past the first 30 days.
    expect(
      await validateSessionClaims(database.db, claims, new Date(start + 45 * DAY)),
    ).not.toBeNull();
  });

  it("end after 30 idle days", async () => {
    const { user } = await registered();
    const { id, claims } = await signedIn(user);
    const start = (await row(id))?.lastSeenAt.getTime() ?? 0;
    const idle = new Date(start + 30 * DAY + 1000);
    expect(await validateSessionClaims(database.db, claims, idle)).toBeNull();
  });

  it("end 90 days after sign-in however much they are used", async () => {
    const { user } = await registered();
    const { id, claims } = await signedIn(user);
    const start = (await row(id))?.createdAt.getTime() ?? 0;
    for (let day = 10; day < 90; day += 10) {
      const used = new Date(start + day * DAY);
      expect(await validateSessionClaims(database.db, claims, used)).not.toBeNull();
    }
    expect((await row(id))?.expiresAt.getTime()).toBe(start + 90 * DAY); // capped
    expect(
      await validateSessionClaims(database.db, claims, new Date(start + 90 * DAY + 1000)),
    ).toBeNull();
  });
});

describe("ending every session", () => {
  it("'log out of all devices' revokes every session row", async () => {
    const { user } = await registered();
    const a = await signedIn(user);
    const b = await signedIn(user);
    await endAllSessions(database.db, user.id);
    expect(await validateSessionClaims(database.db, a.claims)).toBeNull();
    expect((await row(b.id))?.revokedAt).not.toBeNull();
    expect(await listSessions(database.db, user.id, a.id)).toEqual([]);
  });

  it("a password change ends the other sessions; the new sign-in's session stands", async () => {
    const { input, user } = await registered();
    const other = await signedIn(user);
    const changed = await changePassword(database.db, user.id, {
      currentPassword: input.password,
      password: "a brand new passphrase",
      confirm: "a brand new passphrase",
    });
    if (!changed.ok) throw new Error(changed.message);
    expect(await validateSessionClaims(database.db, other.claims)).toBeNull();
    expect((await row(other.id))?.revokedAt).not.toBeNull();
    // changePasswordAction signs in again: a new session with the new session_version.
    const again = await signedIn({ id: user.id, sessionVersion: changed.data.sessionVersion });
    expect(await validateSessionClaims(database.db, again.claims)).not.toBeNull();
  });
});

describe("maintenance", () => {
  it("deletes sessions that ended over a week ago, and keeps the rest", async () => {
    const { user } = await registered();
    const live = await signedIn(user);
    const revoked = await signedIn(user);
    await endSession(database.db, user.id, revoked.id);
    const storage = { deleteMany: async () => {} } as never;

    const soon = new Date(Date.now() + 6 * DAY);
    expect((await runMaintenance(database.db, storage, soon)).sweptSessions).toBe(0);
    const weekOn = new Date(Date.now() + 8 * DAY);
    expect((await runMaintenance(database.db, storage, weekOn)).sweptSessions).toBe(1);
    expect(await row(revoked.id)).toBeUndefined();
    expect(await row(live.id)).toBeDefined();
    // 30 idle days later plus a week, the unused session goes too.
    const idle = new Date(Date.now() + 38 * DAY);
    expect((await runMaintenance(database.db, storage, idle)).sweptSessions).toBe(1);
  });
});
