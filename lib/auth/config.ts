import type { NextAuthConfig } from "next-auth";
import { SESSION_IDLE_SECONDS } from "./session-policy";

// Edge-safe part of the auth setup (no providers, no database): shared by proxy.ts and lib/auth.
export const authConfig = {
  pages: { signIn: "/login" },
  // The token's own lifetime is the idle timeout; proxy.ts renews it while used (session-renewal.ts).
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  trustHost: true,
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub) {
        session.user.id = token.sub;
        session.user.username = token.username;
        session.user.role = token.role;
        session.user.name = token.name ?? token.username;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
