import type { Mail } from "@/lib/email/types";

/** The token of the newest mail to `to` whose link goes to `path` (as the reader would click). */
export function linkTokenIn(sent: Mail[], to: string, path: "verify-email" | "undo-email-change") {
  const mail = sent.filter((m) => m.to.toLowerCase() === to.toLowerCase()).at(-1);
  const match = mail?.text.match(new RegExp(`/${path}\\?token=([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in a mail to ${to}`);
  return match[1];
}
