import type { NextAuthConfig } from "next-auth";

// Edge-safe part of the auth setup (no providers, no database): shared by proxy.ts and lib/auth.
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
