import type { DefaultSession } from "next-auth";

type Role = "user" | "moderator" | "admin";

declare module "next-auth" {
  interface User {
    username: string;
    role: Role;
    sessionVersion: number;
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
  }
}
