import type { Mail } from "./types";

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

export function passwordResetMail(to: { email: string; name: string }, resetUrl: string): Mail {
  const text = [
    `Hi ${to.name},`,
    "",
    "Someone asked to reset the password of your Snapgram account.",
    "Open this link within one hour to choose a new password:",
    "",
    resetUrl,
    "",
    "If it wasn't you, ignore this mail: your password stays as it is.",
  ].join("\n");
  const html = `<p>Hi ${escapeHtml(to.name)},</p>
<p>Someone asked to reset the password of your Snapgram account. Open this link within one hour to choose a new password:</p>
<p><a href="${escapeHtml(resetUrl)}">Reset my password</a></p>
<p>If it wasn't you, ignore this mail: your password stays as it is.</p>`;
  return { to: to.email, subject: "Reset your Snapgram password", text, html };
}
