import "server-only";
import { cookies } from "next/headers";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { authenticate } from "@/lib/users/accounts";
import { signInSchema } from "@/lib/users/validation";
import { authConfig } from "./config";
import { clientIp } from "./ip";
import { getAccountLimits } from "./server-limits";
import { validateSessionClaims } from "./session";
import { sessionClaims } from "./session-token";

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
      credentials: { identifier: {}, password: {} },
      async authorize(credentials, request) {
        // The boundary of a sign-in posted to next-auth: validated here, once.
        const input = signInSchema.safeParse(credentials);
        if (!input.success) return null;
        const result = await authenticate(
          getDb(),
          getAccountLimits(),
          input.data,
          clientIp(request.headers),
        );
        if (!result.ok) return null;
        const u = result.data;
        return {
          id: u.id,
          name: u.name,
          username: u.username,
          role: u.role,
          sessionVersion: u.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // Every read of the session re-checks the user: a suspended account, or a token issued before
    // "sign out everywhere" / a password change (older session_version), is signed out.
    async jwt({ token, user }) {
      if (user?.id) {
        return {
          ...token,
          sub: user.id,
          name: user.name,
          username: user.username,
          role: user.role,
          sv: user.sessionVersion,
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

/**
 * The signed-in user of this request, or null: the session cookie's claims (decrypted once per
 * token, see session-token.ts) checked against the database once per request, as the jwt
 * callback above does for next-auth's own routes.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await sessionClaims(await cookies(), env.AUTH_SECRET);
  if (!claims?.sub) return null;
  const current = await validateSessionClaims(getDb(), claims);
  return current ? { id: claims.sub, ...current } : null;
});
