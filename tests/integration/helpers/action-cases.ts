import { expect, it } from "vitest";
import type { ErrorCode } from "@/lib/result";
import { type ActionHarness, type AnyAction, codeOf, type TestUser } from "./actions";

// The authorization matrix of every server action. Each action has one ActionCase: how to build
// a target owned by "owner", the input, how to see that the change happened, what each role gets
// and which bad input names which field. runActionCases turns a set of cases into tests; the
// registry (action-registry.ts) holds them all, and actions-registry.test.ts fails for any
// exported action without one.

export const ROLES = ["anonymous", "owner", "other", "suspended", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a role gets:
 * - "changes": succeeds (ok, or a redirect) and the owner's target changed as asked;
 * - "own": succeeds but the owner's target is untouched (the call acts on the caller's own things);
 * - an error code: refused with that code, and nothing at all was written.
 */
export type Expected = "changes" | "own" | Exclude<ErrorCode, "INTERNAL">;

/** The users of one test: each role's account, plus "third", who writes the content around. */
export type World = {
  h: ActionHarness;
  owner: TestUser;
  other: TestUser;
  suspended: TestUser;
  moderator: TestUser;
  admin: TestUser;
  third: TestUser;
};

export type ActionCase = {
  action: AnyAction;
  /** Builds the owner's target; answers the input the call sends (the same for every role). */
  arrange(w: World): Promise<unknown>;
  /** Whether the owner's target now shows the change the input asks for. */
  changed(w: World, input: unknown): Promise<boolean>;
  /** Expected outcome per role. */
  matrix: Record<Role, Expected>;
  /** Where a successful call redirects, when it does. */
  redirect?: (w: World) => string;
  /** Inputs refused before anything runs, each naming a field; "none" for input-less actions. */
  bad: { input: (w: World, good: unknown) => unknown; field: string }[] | "none";
};

/** Everyone signed in, and moderators and admins, get the same as `signedIn`. */
export function signedInMatrix(
  owner: Expected,
  others: Expected,
  staff: Expected = others,
): Record<Role, Expected> {
  return {
    anonymous: "UNAUTHENTICATED",
    owner,
    other: others,
    suspended: "UNAUTHENTICATED",
    moderator: staff,
    admin: staff,
  };
}

/** A public action (sign-up, sign-in...): every role gets the same. */
export const publicMatrix = (all: Expected): Record<Role, Expected> =>
  Object.fromEntries(ROLES.map((r) => [r, all])) as Record<Role, Expected>;

/** Each signed-in role's account, created in ROLES order. */
export type RoleUsers = Record<Exclude<Role, "anonymous">, TestUser>;

/** One fresh account per signed-in role (the owner's target belongs to `owner`). */
export async function roleUsers(h: ActionHarness): Promise<RoleUsers> {
  return {
    owner: await h.user(),
    other: await h.user(),
    suspended: await h.user({ status: "suspended" }),
    moderator: await h.user({ role: "moderator" }),
    admin: await h.user({ role: "admin" }),
  };
}

async function buildWorld(h: ActionHarness): Promise<World> {
  return { h, ...(await roleUsers(h)), third: await h.user() };
}

/** Signs `h` out for "anonymous", otherwise in as that role's account of `u`. */
export async function actAs(h: ActionHarness, u: RoleUsers, role: Role) {
  if (role === "anonymous") h.signOut();
  else await h.signInAs(u[role]);
}

/** One test per (action, role) cell, and one per bad input. */
export function runActionCases(h: ActionHarness, cases: Record<string, ActionCase>) {
  for (const [name, c] of Object.entries(cases)) {
    for (const role of ROLES) {
      const expected = c.matrix[role];
      it(`${name} as ${role}: ${expected}`, async () => {
        const w = await buildWorld(h);
        const input = await c.arrange(w);
        // Signing in (a session row) is not the action under test: snapshot after it.
        await actAs(w.h, w, role);
        const before = await h.snapshot();
        const out = await h.call(c.action, input);
        if (expected === "changes" || expected === "own") {
          expect(out.kind, JSON.stringify(out)).not.toBe("fail");
          if (out.kind === "redirect" && c.redirect) expect(out.to).toBe(c.redirect(w));
          expect(await c.changed(w, input)).toBe(expected === "changes");
        } else {
          expect(codeOf(out), JSON.stringify(out)).toBe(expected);
          expect(await c.changed(w, input)).toBe(false);
          expect(await h.snapshot()).toBe(before);
        }
      });
    }
    if (c.bad === "none") continue;
    for (const bad of c.bad) {
      it(`${name} refuses bad ${bad.field}, naming it, writing nothing`, async () => {
        const w = await buildWorld(h);
        const good = await c.arrange(w);
        await actAs(w.h, w, "owner");
        const before = await h.snapshot();
        const out = await h.call(c.action, bad.input(w, good));
        expect(out.kind === "fail" && out.code, JSON.stringify(out)).toBe("VALIDATION");
        expect(out.kind === "fail" && out.fieldErrors?.[bad.field]?.length).toBeGreaterThan(0);
        expect(await h.snapshot()).toBe(before);
      });
    }
  }
}
