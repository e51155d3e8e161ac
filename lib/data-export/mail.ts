import type { Mail } from "@/lib/email/types";

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const day = (d: Date) =>
  d.toLocaleDateString("en-US", {
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });

/** "Your information is ready": the download link, which only the owner can open, for 7 days. */
export function dataExportReadyMail(
  to: { email: string; name: string },
  url: string,
  expiresAt: Date,
): Mail {
  const text = [
    `Hi ${to.name},`,
    "",
    "The copy of your Snapgram information you asked for is ready.",
    `Download it until ${day(expiresAt)} (you'll need to be signed in):`,
    "",
    url,
    "",
    "If you didn't ask for it, change your password: someone may be signed in to your account.",
  ].join("\n");
  const html = `<p>Hi ${escapeHtml(to.name)},</p>
<p>The copy of your Snapgram information you asked for is ready. Download it until ${escapeHtml(day(expiresAt))} (you'll need to be signed in):</p>
<p><a href="${escapeHtml(url)}">Download your information</a></p>
<p>If you didn't ask for it, change your password: someone may be signed in to your account.</p>`;
  return { to: to.email, subject: "Your Snapgram information is ready", text, html };
}
