/**
 * Harness for calling the REAL exported server actions (next-safe-action clients, zod, session
 * check, service, database) and the mutating route handlers, as a browser would.
 *
 * How to use (see tests/integration/actions-*.test.ts):
 *   import "./helpers/next-runtime";      // FIRST import of the test file: installs the stubs
 *   import { setupActionHarness } from "./helpers/actions";
 *   import { updateProfileAction } from "@/lib/users/actions-profile";
 *   const h = setupActionHarness();       // test database behind lib/db, temp storage, no network
 *   const ana = await h.user();           // an active user (h.user({ role, status, password }))
 *   await h.signInAs(ana);                // later calls carry a real next-auth session cookie
 *   const out = await h.call(updateProfileAction, { ... });
 *   expect(out).toMatchObject({ kind: "ok" }); // or { kind: "fail", code, message, fieldErrors }
 *                                              // or { kind: "redirect", to: "/login" }
 *   h.signOut();                          // anonymous from now on
 *   await h.snapshot();                   // every row (rate limits aside): compare = nothing written
 *   h.setClientAddress("198.51.100.2");   // later calls come from this address (per-IP limits);
 *                                         // h.clientAddress() is the one the app sees now
 *
 * Each test starts on an empty database with no cookies and a fresh client IP. Route handlers
 * are called directly (`await POST(new Request(...))`); getCurrentUser reads the same cookies.
 *
 * What is real: lib/db's database (the test database, PGlite or DATABASE_URL), getCurrentUser
 * (decrypts the cookie, re-checks status and session_version against the database), the action
 * clients, next-auth's signIn/signOut (cookies they set are kept, so a sign-in action signs in),
 * local storage (a temp folder). What is stubbed: next/headers (cookies and headers of the
 * "request"), next/cache (revalidation is a no-op), next/server `after` (tasks are queued in
 * h.afterTasks, run them with h.runAfterTasks()), realtime (no network: a no-op publisher and a
 * fake channel signer). redirect() is real: h.call turns it into { kind: "redirect", to }.
 *
 * A new action (say a "revoke session" action) gets its matrix row: an ActionCase in
 * helpers/cases/<feature>.ts (arrange a target owned by "owner", say what each role gets, list
 * bad inputs and the field each names), merged in helpers/action-registry.ts and run by a
 * tests/integration/actions-<feature>.test.ts; actions-registry.test.ts fails until it has one.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { users } from "@/db/schema";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/sessions";
import { noopPublisher } from "@/lib/realtime/publisher";
import type { ErrorCode, FieldErrors } from "@/lib/result";
import { SESSION_COOKIE, sessionToken } from "../../support/session-token";
import { openTestDatabase } from "./db";
import { memoryMailer } from "./fixtures";
import { tempStorage } from "./media";
import { request } from "./next-runtime";
import { insertUser } from "./social";

export { SESSION_COOKIE };

const SECRET = process.env.AUTH_SECRET ?? "";

export type TestUser = {
  id: string;
  username: string;
  name: string;
  email: string;
  role: "user" | "moderator" | "admin";
  status: "active" | "suspended" | "deleted";
  sessionVersion: number;
  password: string;
};

/** What an action call came to, in the shape tests compare. */
export type Outcome =
  | { kind: "ok"; data: unknown }
  | { kind: "redirect"; to: string }
  | { kind: "fail"; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

type SafeAnswer = {
  data?: unknown;
  serverError?: unknown;
  validationErrors?: { formErrors?: string[]; fieldErrors?: FieldErrors };
};
/** Any server action: `never` input accepts every action's own input type. */
export type AnyAction = (input: never) => Promise<unknown>;

/**
 * Next's redirect() throws an error whose digest is `NEXT_REDIRECT;<type>;<url>;<status>;`. A URL
 * on this app's own origin (next-auth redirects absolutely) is answered as its path.
 */
function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: unknown })?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT;")) return null;
  const to = digest.split(";")[2] ?? null;
  return to?.replace(/^https?:\/\/localhost:3000(?=\/)/, "") ?? null;
}

function outcomeOf(answer: SafeAnswer | undefined): Outcome {
  const failure = (v: unknown) => {
    const { ok: _ok, ...rest } = v as { ok: false; code: ErrorCode; message: string };
    return rest;
  };
  if (answer?.data && typeof answer.data === "object" && "ok" in answer.data) {
    const result = answer.data as { ok: boolean; data?: unknown };
    if (result.ok) return { kind: "ok", data: result.data };
    return { kind: "fail", ...failure(result) };
  }
  if (answer?.serverError) return { kind: "fail", ...failure(answer.serverError) };
  if (answer?.validationErrors) {
    const { formErrors = [], fieldErrors = {} } = answer.validationErrors;
    const message = formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? "invalid";
    return { kind: "fail", code: "VALIDATION", message, fieldErrors };
  }
  return { kind: "ok", data: answer?.data };
}

/** The outcome's code for tables: "ok", "redirect" or the failure's code. */
export const codeOf = (o: Outcome) => (o.kind === "fail" ? o.code : o.kind);

export function setupActionHarness() {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const storage = tempStorage();
  const mailer = memoryMailer();
  const store = globalThis as Record<string, unknown>;

  beforeAll(async () => {
    database = await openTestDatabase();
    store.__database = database;
    store.__databaseReady = Promise.resolve();
    store.__storage = storage;
    store.__mailer = mailer;
    store.__realtime = {
      settings: { driver: "disabled" },
      publisher: noopPublisher,
      signer: (socketId: string, channel: string) => ({ auth: `test:${socketId}:${channel}` }),
    };
  });
  afterAll(async () => {
    for (const key of ["__database", "__databaseReady", "__storage", "__mailer", "__realtime"]) {
      delete store[key];
    }
    await database?.close();
    storage.remove();
  });
  beforeEach(async () => {
    await database.clean();
    storage.empty();
    mailer.sent.length = 0;
    request.cookies.clear();
    request.afterTasks.length = 0;
    // A fresh client address per test, so per-IP limits of one test never reach the next.
    const ip = `10.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}`;
    request.headers = new Headers({
      host: "localhost:3000",
      "x-forwarded-proto": "http",
      "x-forwarded-for": ip,
    });
    harness.setClientAddress(ip);
  });

  const harness = {
    db: () => database.db,
    storage,
    /** Mails the app sent (password reset links), in memory. */
    mailer,
    afterTasks: request.afterTasks,
    async runAfterTasks() {
      const tasks = request.afterTasks.splice(0);
      for (const task of tasks) await task();
    },

    /** A user written straight to the database (fast); a real password hash only when asked. */
    async user(
      opts: { role?: TestUser["role"]; status?: TestUser["status"]; password?: string } = {},
    ): Promise<TestUser> {
      const row = await insertUser(database.db, opts.status ?? "active");
      const password = opts.password ?? "";
      const set: Partial<typeof users.$inferInsert> = { role: opts.role ?? "user" };
      if (opts.password) set.passwordHash = await hashPassword(opts.password);
      const [u] = await database.db.update(users).set(set).where(eq(users.id, row.id)).returning();
      if (!u) throw new Error("no user");
      return {
        id: u.id,
        username: u.username,
        name: u.name,
        email: u.email,
        role: u.role,
        status: u.status,
        sessionVersion: u.sessionVersion,
        password,
      };
    },

    /** Gives the user a real (argon2) password. */
    async setPassword(user: TestUser, password: string) {
      const passwordHash = await hashPassword(password);
      await database.db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
      user.password = password;
    },

    /** The next calls carry a session cookie for this user, as next-auth would have set it. */
    async signInAs(user: Pick<TestUser, "id" | "username" | "name" | "role" | "sessionVersion">) {
      // A real server-side session row, as a sign-in through next-auth's authorize creates.
      const session = await startSession(database.db, user.id, new Headers());
      const token = await sessionToken(SECRET, user, {
        sid: session.id,
        aexp: Math.floor(session.absoluteExpiresAt.getTime() / 1000),
      });
      request.cookies.clear();
      request.cookies.set(SESSION_COOKIE, token);
    },

    /** Anonymous from now on. */
    signOut() {
      request.cookies.clear();
    },

    /** The session cookie the browser holds now, or undefined. */
    sessionCookie: () => request.cookies.get(SESSION_COOKIE),

    /** The session cookie the app set during the last call ("" cleared), or undefined. */
    sessionCookieSet: () => request.setByApp.get(SESSION_COOKIE),

    /** Calls an action with this input and reports what came of it. */
    async call(action: AnyAction, input?: unknown): Promise<Outcome> {
      request.setByApp.clear();
      try {
        const run = action as unknown as (input: unknown) => Promise<SafeAnswer | undefined>;
        return outcomeOf(await run(input));
      } catch (error) {
        const to = redirectTarget(error);
        if (to !== null) return { kind: "redirect", to };
        throw error;
      }
    },

    /** Every row of every table except rate-limit counters: compare to prove nothing was written. */
    async snapshot(): Promise<string> {
      const rows = await database.db.execute<{ tablename: string }>(
        sql`select tablename from pg_tables where schemaname = 'public' and tablename not like '%rate_limit%' and tablename not like '%drizzle%' order by tablename`,
      );
      const list = Array.isArray(rows) ? rows : (rows as { rows: { tablename: string }[] }).rows;
      const out: Record<string, unknown> = {};
      for (const { tablename } of list) {
        const data = await database.db.execute(sql.raw(`select * from "${tablename}" order by 1`));
        out[tablename] = Array.isArray(data) ? data : (data as { rows: unknown[] }).rows;
      }
      return JSON.stringify(out);
    },

    /**
     * The client address the app sees (clientIp in lib/auth/ip.ts): with no TRUSTED_PROXY_HOPS or
     * CLIENT_IP_HEADER set, the one our Node server records from the socket.
     */
    clientAddress: () => request.headers.get(SOCKET_ADDRESS_HEADER) ?? "",

    /** The next calls come from this address (another device, another network). */
    setClientAddress(ip: string) {
      request.headers.set(SOCKET_ADDRESS_HEADER, ip);
    },

    /** Request headers of the simulated browser (host, x-forwarded-for, cookie). */
    requestHeaders(): Headers {
      const h = new Headers(request.headers);
      const cookie = [...request.cookies].map(([n, v]) => `${n}=${v}`).join("; ");
      if (cookie) h.set("cookie", cookie);
      return h;
    },
  };
  return harness;
}

export type ActionHarness = ReturnType<typeof setupActionHarness>;

/** A uuid that names nothing in the database. */
export const unknownId = () => randomUUID();
