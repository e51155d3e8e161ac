"use client";

import { Bookmark, Camera, Copy, Grid3x3, Heart, MessageCircle } from "lucide-react";
import { type ReactNode, useId } from "react";
import { PhotoImage } from "@/components/post/post-media";
import { distinctItems, type ListSource, lists } from "@/components/query/list-query";
import { useListQuery } from "@/components/query/use-list-query";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import { LoadMoreFooter } from "@/components/ui/load-more-footer";
import { formatCompact } from "@/lib/shared/format";
import type { GridItem } from "@/lib/shared/post-views";

/** Which grid a profile shows: its posts, or (to its owner only) the saved posts. */
export type GridSource = "posts" | "saved";

/** Another list of posts shown in the same grid (explore, a tag): its list and heading. */
export type GridFeed = ListSource & {
  /** the section's heading */
  title: string;
  /** shown when the list is empty */
  empty?: ReactNode;
};

// Three columns inside a page of at most 935 px (minus gaps), the full width on phones.
const THUMB_SIZES = "(min-width: 935px) 309px, 33vw";

type ProfileGridProps = {
  /** Profile tabs above the grid name it: the heading is then for screen readers only. */
  hideHeading?: boolean;
} & (
  | { username: string; isSelf: boolean; source?: GridSource; feed?: undefined }
  | { feed: GridFeed; username?: undefined; isSelf?: undefined; source?: undefined }
);

/**
 * The profile's 3-column grid: the first page prefetched by the server page, more as the bottom
 * comes near. With `feed`, the same grid shows another list of posts (explore, a tag's posts).
 */
export function ProfileGrid({
  username = "",
  isSelf = false,
  source = "posts",
  hideHeading = false,
  feed,
}: ProfileGridProps) {
  const headingId = useId();
  const query = useListQuery<GridItem>(feed ?? lists.profileGrid(username, source));
  const { data, hasNextPage, isFetchingNextPage } = query;

  // A post is shown once, even if two pages of a re-ranked list both hold it.
  const items = distinctItems(data?.pages);
  const title = feed?.title ?? (source === "saved" ? "Saved" : "Posts");

  return (
    <section
      aria-labelledby={headingId}
      className={hideHeading || feed ? "" : "border-t border-neutral-200 dark:border-neutral-800"}
    >
      <h2
        id={headingId}
        className={
          hideHeading
            ? "sr-only"
            : feed
              ? "px-4 pt-2 pb-3 text-sm font-semibold text-neutral-500 md:px-0 dark:text-neutral-400"
              : "flex h-12 items-center justify-center gap-1.5 text-xs font-semibold tracking-widest text-neutral-900 uppercase md:-mt-px md:h-[52px] md:border-t md:border-neutral-900 md:px-1 dark:text-neutral-100 md:dark:border-neutral-100 md:mx-auto md:w-fit"
        }
      >
        {feed ? null : <Grid3x3 aria-hidden="true" className="size-3.5" />}
        {title}
      </h2>

      {!data ? null : items.length === 0 && !hasNextPage ? (
        feed ? (
          (feed.empty ?? null)
        ) : source === "saved" ? (
          <EmptySaved />
        ) : (
          <EmptyGrid isSelf={isSelf} />
        )
      ) : (
        <ul className="grid grid-cols-3 gap-0.5 md:gap-1">
          {items.map((item, i) => (
            <li key={item.id}>
              <GridThumb item={item} priority={i < 3} />
            </li>
          ))}
          {isFetchingNextPage
            ? [0, 1, 2].map((n) => (
                <li
                  key={`skeleton-${n}`}
                  aria-hidden="true"
                  className="aspect-square animate-pulse bg-neutral-200 dark:bg-neutral-800"
                />
              ))
            : null}
        </ul>
      )}

      <LoadMoreFooter query={query} noun="posts" />
    </section>
  );
}

function GridThumb({ item, priority }: { item: GridItem; priority: boolean }) {
  const { cover } = item;
  return (
    <Link href={`/p/${item.id}`} className="group relative block focus-visible:outline-none">
      <PhotoImage media={cover} sizes={THUMB_SIZES} priority={priority} className="aspect-square" />
      {cover.alt ? null : <span className="sr-only">Photo</span>}
      <span className="sr-only">
        {item.mediaCount > 1 ? `, ${item.mediaCount} photos` : ""}
        {item.likeCountHidden ? "" : `, ${item.likeCount} likes`}
        {item.commentsOff ? "" : `, ${item.commentCount} comments`}
      </span>
      {item.mediaCount > 1 ? (
        <Copy
          aria-hidden="true"
          className="absolute top-2 right-2 size-5 -scale-x-100 text-white drop-shadow-[0_1px_2px_rgb(0_0_0/0.6)]"
        />
      ) : null}
      <span
        aria-hidden="true"
        className="absolute inset-0 hidden items-center justify-center gap-6 bg-black/35 text-base font-bold text-white opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100 md:flex"
      >
        {item.likeCountHidden ? null : (
          <span className="inline-flex items-center gap-1.5">
            <Heart className="size-5 fill-current" />
            {formatCompact(item.likeCount)}
          </span>
        )}
        {item.commentsOff ? null : (
          <span className="inline-flex items-center gap-1.5">
            <MessageCircle className="size-5 fill-current -scale-x-100" />
            {formatCompact(item.commentCount)}
          </span>
        )}
      </span>
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 hidden ring-2 ring-sky-500 ring-inset group-focus-visible:block"
      />
    </Link>
  );
}

function EmptyGrid({ isSelf }: { isSelf: boolean }) {
  return (
    <EmptyState
      icon={Camera}
      title="No posts yet"
      large
      description={isSelf ? "When you share photos, they will appear on your profile." : null}
    >
      {isSelf ? (
        <Link
          href="/create"
          className="mt-4 rounded-sm text-sm font-semibold text-sky-600 hover:text-sky-800 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400 dark:hover:text-sky-300"
        >
          Share your first photo
        </Link>
      ) : null}
    </EmptyState>
  );
}

function EmptySaved() {
  return (
    <EmptyState
      icon={Bookmark}
      title="Save"
      large
      description="Save photos that you want to see again. No one is notified, and only you can see what you've saved."
    />
  );
}
