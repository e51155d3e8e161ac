import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PostDetail } from "@/components/post/post-detail";
import {
  createRequestQueryClient,
  HydrateLists,
  prefetchFirstPage,
} from "@/components/query/hydrate-lists";
import { listKeys } from "@/components/query/list-query";
import { getCurrentUser } from "@/lib/auth";
import { listComments } from "@/lib/comments/queries";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { latestLikersFor, viewerStateFor } from "@/lib/likes/queries";
import { getPostView } from "@/lib/posts/queries";
import type { AuthorView } from "@/lib/shared/post-views";
import { getProfileView } from "@/lib/users/queries-profile";

type Props = { params: Promise<{ id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Loaded once per request for both the metadata and the page.
const loadPost = cache(async (id: string) => {
  if (!UUID.test(id)) return null;
  const viewer = await getCurrentUser();
  return getPostView(getDb(), id.toLowerCase(), viewer?.id ?? null);
});

const absolute = (src: string) => new URL(src, env.APP_URL).toString();

/** The first characters of a caption on one line, cut at a word. */
function excerpt(text: string, max: number) {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max * 0.6 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await loadPost((await params).id);
  if (!post) return { title: "Post not found" };
  const { author } = post;
  const byline = `${author.name} (@${author.username})`;
  const title = post.caption ? `${byline}: “${excerpt(post.caption, 60)}”` : `Photo by ${byline}`;
  const description = post.caption
    ? excerpt(post.caption, 160)
    : `A photo shared by ${byline} on Snapgram.`;
  const first = post.media[0];
  const width = first?.srcSet[0]?.width ?? first?.width ?? 0;
  const images = first
    ? [
        {
          url: absolute(first.src),
          width,
          height: Math.round((width * first.height) / first.width),
          alt: first.alt || undefined,
        },
      ]
    : [];
  return {
    title,
    description,
    alternates: { canonical: absolute(`/p/${post.id}`) },
    openGraph: {
      type: "article",
      url: absolute(`/p/${post.id}`),
      siteName: "Snapgram",
      title,
      description,
      publishedTime: post.createdAt,
      authors: [absolute(`/${author.username}`)],
      images,
    },
    twitter: { card: first ? "summary_large_image" : "summary", title, description, images },
  };
}

export default async function PostPage({ params }: Props) {
  const post = await loadPost((await params).id);
  if (!post) notFound();
  const db = getDb();
  const user = await getCurrentUser();
  const viewerId = user?.id ?? null;
  const queryClient = createRequestQueryClient();
  const [state, likers, , me] = await Promise.all([
    viewerStateFor(db, viewerId, [post.id]),
    latestLikersFor(db, [post.id], viewerId),
    prefetchFirstPage(queryClient, listKeys.comments(post.id), () =>
      listComments(db, { postId: post.id, viewerId }),
    ),
    user ? getProfileView(db, user.username, user.id) : null,
  ]);
  // The viewer as their own comment shows while it posts (photo included).
  const viewer: AuthorView | null = user
    ? {
        id: user.id,
        username: user.username,
        name: user.name,
        avatarUrl: me?.avatarUrl ?? null,
      }
    : null;
  return (
    <main className="mx-auto w-full max-w-[935px] md:px-5 md:py-8">
      <HydrateLists client={queryClient}>
        <PostDetail
          post={post}
          viewer={viewer}
          viewerHasLiked={state.liked.has(post.id)}
          viewerHasSaved={state.saved.has(post.id)}
          latestLiker={likers.get(post.id) ?? null}
        />
      </HydrateLists>
    </main>
  );
}
