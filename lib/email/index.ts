import "server-only";
import { env } from "@/lib/env";
import { createOutboxMailer } from "./outbox";
import { createSmtpMailer } from "./smtp";
import type { Mailer } from "./types";

export type { Mail, Mailer } from "./types";

const store = globalThis as unknown as { __mailer?: Mailer };

export function getMailer(): Mailer {
  store.__mailer ??= env.SMTP_URL
    ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM)
    : createOutboxMailer(env.MAIL_OUTBOX_DIR, env.MAIL_FROM);
  return store.__mailer;
}
