import type { DefaultSession } from "next-auth";

type Role = "user" | "moderator" | "admin";

declare module "next-auth" {
  interface User {
    username: string;
    role: Role;
    sessionVersion: number;
    /** The sessions row this sign-in created. */
    sessionId: string;
    /** Its hard maximum (absolute_expires_at), in seconds since the epoch. */
    sessionEndsAt: number;
  }
  interface Session {
    user: { id: string; username: string; role: Role } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    username: string;
    role: Role;
    /** session_version of the user when the token was issued. */
    sv: number;
    /** The sessions row of this sign-in: checked on every request, revoked by "Log out". */
    sid?: string;
    /** When that session ends whatever its use (seconds since the epoch): caps cookie renewal. */
    aexp?: number;
  }
}
