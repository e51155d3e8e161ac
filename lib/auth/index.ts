import "server-only";
import { cookies } from "next/headers";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { revokeSession } from "@/lib/auth/session-queries";
import { startSession } from "@/lib/auth/sessions";
import { getCdn } from "@/lib/cdn";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { settleMedia } from "@/lib/media/jobs";
import { getStorage } from "@/lib/storage";
import { authConfig } from "./config";
import { clientIp } from "./ip";
import { getAccountLimits } from "./server-limits";
import { isUuid, validateSessionClaims } from "./session";
import { sessionClaims } from "./session-token";
import { SecondStepRefused, TwoFactorRequired } from "./sign-in-errors";
import { checkCredentials } from "./two-factor-sign-in";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: env.AUTH_SECRET,
  // A wrong password is an expected outcome, not a server error worth a stack trace.
  logger: {
    error(error) {
      // By `type`: a production build minifies the class names that `name` comes from.
      const type = (error as Error & { type?: string }).type;
      if (error.name === "CredentialsSignin" || type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {}, ticket: {}, code: {} },
      async authorize(credentials, request) {
        // The boundary of a sign-in posted to next-auth: validated here, once (two-factor-sign-in.ts).
        const outcome = await checkCredentials(
          getDb(),
          getAccountLimits(),
          credentials,
          clientIp(request.headers),
        );
        if (outcome.kind === "two-factor") throw new TwoFactorRequired(outcome.ticket);
        if (outcome.kind === "refused") {
          if (outcome.failure) throw new SecondStepRefused(outcome.failure);
          return null;
        }
        const u = outcome.user;
        // A restored account's photos go back to the public folders before its first page.
        if (u.restored) await settleMedia(getDb(), getStorage(), getCdn());
        const session = await startSession(getDb(), u.id, request.headers);
        return {
          id: u.id,
          name: u.name,
          username: u.username,
          role: u.role,
          sessionVersion: u.sessionVersion,
          sessionId: session.id,
          sessionEndsAt: Math.floor(session.absoluteExpiresAt.getTime() / 1000),
        };
      },
    }),
  ],
  events: {
    // next-auth's own sign-out route (POST /api/auth/signout): the session ends on the server too.
    // signOutAction revokes before it calls signOut, so a failure there is shown, not swallowed.
    async signOut(message) {
      if ("token" in message && message.token) await endTokenSession(message.token);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    // Every read of the session re-checks the user and the session row: a suspended account, a
    // revoked or expired session, or a token issued before "sign out everywhere" / a password
    // change (older session_version), is signed out.
    async jwt({ token, user }) {
      if (user?.id) {
        return {
          ...token,
          sub: user.id,
          name: user.name,
          username: user.username,
          role: user.role,
          sv: user.sessionVersion,
          sid: user.sessionId,
          aexp: user.sessionEndsAt,
        };
      }
      const current = await validateSessionClaims(getDb(), token);
      return current ? { ...token, ...current } : null;
    },
  },
});

export type CurrentUser = {
  id: string;
  username: string;
  name: string;
  role: "user" | "moderator" | "admin";
};

/** Revokes the session a token names, if it has one (a token of a signed-out session: no-op). */
async function endTokenSession(claims: { sub?: unknown; sid?: unknown }) {
  if (typeof claims.sub !== "string" || typeof claims.sid !== "string") return;
  if (!isUuid(claims.sub) || !isUuid(claims.sid)) return;
  await revokeSession(getDb(), claims.sub, claims.sid);
}

/** "Log out" on the server: the session of this request's cookie is revoked, whoever holds a copy. */
export async function endCurrentSession(): Promise<void> {
  const claims = await sessionClaims(await cookies(), env.AUTH_SECRET);
  if (claims) await endTokenSession(claims);
}

/**
 * The signed-in user of this request and the id of their session, or null: the session cookie's
 * claims (decrypted once per token, see session-token.ts) checked against the database once per
 * request, as the jwt callback above does for next-auth's own routes.
 */
export const getCurrentSession = cache(
  async (): Promise<{ user: CurrentUser; sessionId: string } | null> => {
    const claims = await sessionClaims(await cookies(), env.AUTH_SECRET);
    if (!claims?.sub || typeof claims.sid !== "string") return null;
    const current = await validateSessionClaims(getDb(), claims);
    return current ? { user: { id: claims.sub, ...current }, sessionId: claims.sid } : null;
  },
);

/** The signed-in user of this request, or null (see getCurrentSession). */
export const getCurrentUser = cache(
  async (): Promise<CurrentUser | null> => (await getCurrentSession())?.user ?? null,
);
