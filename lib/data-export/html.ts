import type { ExportPost } from "./queries";

// index.html of the archive: a page the owner opens from the unzipped folder in any browser,
// showing the profile and every post with its photos through relative paths (photos/...).
// Everything the owner wrote is escaped; the page loads nothing from the network.

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** Where a post's photo sits inside the archive. */
export const photoPath = (postId: string, position: number) => `photos/${postId}-${position}.webp`;

export type HtmlProfile = {
  username: string;
  name: string;
  bio: string;
  website: string | null;
  avatar: string | null;
  postCount: number;
  followerCount: number;
  followingCount: number;
};

export function htmlHead(p: HtmlProfile, generatedAt: Date): string {
  const avatar = p.avatar
    ? `<img class="avatar" src="${escapeHtml(p.avatar)}" alt="" width="96" height="96">`
    : "";
  const website = p.website
    ? `<p><a href="${escapeHtml(p.website)}" rel="noreferrer">${escapeHtml(p.website)}</a></p>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.name)} (@${escapeHtml(p.username)}) · Snapgram data</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:720px;padding:16px;color:#111}
header{display:flex;gap:16px;align-items:center;border-bottom:1px solid #ddd;padding-bottom:16px}
.avatar{border-radius:50%;object-fit:cover}
h1{font-size:1.4rem;margin:0}
article{border-bottom:1px solid #eee;padding:16px 0}
article img{display:block;max-width:100%;height:auto;margin:8px 0;border-radius:4px}
time,.meta{color:#666;font-size:.875rem}
.caption{white-space:pre-wrap}
</style>
</head>
<body>
<header>${avatar}<div><h1>${escapeHtml(p.name)}</h1><p>@${escapeHtml(p.username)}</p>
<p class="meta">${p.postCount} posts · ${p.followerCount} followers · ${p.followingCount} following</p>
${p.bio ? `<p class="caption">${escapeHtml(p.bio)}</p>` : ""}${website}</div></header>
<p class="meta">Your Snapgram data, prepared ${escapeHtml(generatedAt.toISOString())}. Your
comments, likes, saves, followers and following are in the .json files next to this page.</p>
<main>
`;
}

export function htmlPost(post: ExportPost): string {
  const photos = post.media
    .map(
      (m) =>
        `<img src="${photoPath(post.id, m.position)}" alt="${escapeHtml(m.alt)}" width="${m.width}" height="${m.height}" loading="lazy">`,
    )
    .join("\n");
  const removed =
    post.status === "removed"
      ? `<p class="meta">Removed by moderators; photos not included.</p>`
      : "";
  return `<article id="post-${post.id}">
<time datetime="${post.createdAt.toISOString()}">${post.createdAt.toISOString().slice(0, 10)}</time>
${photos}${removed}
${post.caption ? `<p class="caption">${escapeHtml(post.caption)}</p>` : ""}
<p class="meta">${post.likeCount} likes · ${post.commentCount} comments</p>
</article>
`;
}

export const htmlTail = (postCount: number) =>
  `${postCount === 0 ? "<p>No posts yet.</p>\n" : ""}</main>
</body>
</html>
`;
