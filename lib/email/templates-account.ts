import type { Mail } from "./types";

// The mails of e-mail verification and change. Each link is the only copy of its token.

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

type To = { email: string; name: string };

function mail(to: To, subject: string, lines: string[], link: { url: string; label: string }) {
  const text = [`Hi ${to.name},`, "", ...lines.flatMap((l) => (l === "@link" ? [link.url] : [l]))];
  const html = [
    `<p>Hi ${escapeHtml(to.name)},</p>`,
    ...lines
      .filter((l) => l !== "")
      .map((l) =>
        l === "@link"
          ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`
          : `<p>${escapeHtml(l)}</p>`,
      ),
  ].join("\n");
  return { to: to.email, subject, text: text.join("\n"), html } satisfies Mail;
}

export const VERIFY_SUBJECT = "Verify your Snapgram e-mail";
export const CHANGE_SUBJECT = "Confirm your new Snapgram e-mail";
export const CHANGED_SUBJECT = "Your Snapgram e-mail was changed";

/** To a new account's address: the link that proves it (24 hours). */
export function verifyEmailMail(to: To, url: string): Mail {
  return mail(
    to,
    VERIFY_SUBJECT,
    [
      "Welcome to Snapgram! Open this link within 24 hours to verify your e-mail address:",
      "",
      "@link",
      "",
      "If you didn't sign up, ignore this mail.",
    ],
    { url, label: "Verify my e-mail" },
  );
}

/** To the new address of an e-mail change: it takes effect only when this link is opened. */
export function confirmNewEmailMail(to: To, url: string): Mail {
  return mail(
    to,
    CHANGE_SUBJECT,
    [
      "You asked to use this address for your Snapgram account. Open this link within 24 hours to confirm it:",
      "",
      "@link",
      "",
      "Until then your account keeps its old address. If it wasn't you, ignore this mail.",
    ],
    { url, label: "Use this e-mail" },
  );
}

/** To the old address once the change took effect: the undo link (7 days). */
export function emailChangedMail(to: To, newEmail: string, url: string): Mail {
  return mail(
    to,
    CHANGED_SUBJECT,
    [
      `The e-mail of your Snapgram account was changed to ${newEmail}.`,
      "If that wasn't you, open this link within 7 days: it puts this address back and signs out every device.",
      "",
      "@link",
      "",
      "Then reset your password from the log in page.",
    ],
    { url, label: "Undo the change" },
  );
}
