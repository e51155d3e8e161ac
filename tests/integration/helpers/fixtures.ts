import type { Db } from "@/db/client";
import { registerAccount } from "@/lib/auth/accounts";
import type { Mail, Mailer } from "@/lib/email/types";

let counter = 0;
/** A fresh, valid sign-up for each call. */
export function newAccount(overrides: Record<string, string> = {}) {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  return {
    email: `user${tag}@example.com`,
    username: `user_${tag}`,
    name: `User ${tag}`,
    password: "correct horse battery",
    ...overrides,
  };
}

/** Keeps mails in memory so tests can read what would have been sent. */
export function memoryMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    driver: "memory",
    sent,
    async send(mail) {
      sent.push(mail);
    },
  };
}

export function tokenFromMail(mail: Mail): string {
  const match = mail.text.match(/reset-password\?token=([A-Za-z0-9_-]+)/);
  if (!match?.[1]) throw new Error("no reset link in mail");
  return match[1];
}

/** A new account registered through the sign-up service, with the input it was made from. */
export async function registeredAccount(db: Db) {
  const input = newAccount();
  const result = await registerAccount(db, input);
  if (!result.ok) throw new Error(result.message);
  return { input, user: result.data };
}
