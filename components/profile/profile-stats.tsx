"use client";

import dynamic from "next/dynamic";
import { type ReactNode, useRef, useState } from "react";
import Link from "@/components/ui/link";
import { MountWhenOpened } from "@/components/ui/mount-when-opened";
import { formatCompactTenths, formatCount } from "@/lib/shared/format";

// The lists (and their follow buttons) are fetched when first opened, not with the profile.
const PeopleListDialog = dynamic(
  () => import("./people-list-dialog").then((m) => m.PeopleListDialog),
  { ssr: false },
);

type ProfileStatsProps = {
  username: string;
  postCount: number;
  followerCount: number;
  followingCount: number;
  signedIn: boolean;
  /** false for a private account the viewer does not follow: the counts are not links. */
  listsOpen?: boolean;
};

const shortCount = (n: number) => (n < 10_000 ? formatCount(n) : formatCompactTenths(n));

type List = "followers" | "following";

const statClass = "flex flex-col leading-tight md:block";
const buttonClass =
  "flex flex-col items-center leading-tight hover:opacity-70 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 md:block";

function Stat({ value, label }: { value: number; label: string }) {
  return (
    <>
      <span className="font-semibold" title={formatCount(value)}>
        {shortCount(value)}
      </span>{" "}
      <span className="text-neutral-600 md:text-neutral-900 dark:text-neutral-400 md:dark:text-neutral-100">
        {label}
      </span>
    </>
  );
}

/**
 * The three counts of a profile. Followers and following open the people list in a dialog
 * (signed-out visitors go to the login page first, as on Instagram).
 */
export function ProfileStats({
  username,
  postCount,
  followerCount,
  followingCount,
  signedIn,
  listsOpen = true,
}: ProfileStatsProps) {
  const [open, setOpen] = useState<List | null>(null);
  const followersButton = useRef<HTMLButtonElement>(null);
  const followingButton = useRef<HTMLButtonElement>(null);
  const base = `/api/users/${encodeURIComponent(username)}`;

  const listItem = (list: List, value: number, label: string): ReactNode =>
    signedIn && !listsOpen ? (
      <span className={statClass}>
        <Stat value={value} label={label} />
      </span>
    ) : signedIn ? (
      <button
        ref={list === "followers" ? followersButton : followingButton}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(list)}
        className={buttonClass}
      >
        <Stat value={value} label={label} />
      </button>
    ) : (
      <Link href={`/login?next=${encodeURIComponent(`/${username}`)}`} className={buttonClass}>
        <Stat value={value} label={label} />
      </Link>
    );

  return (
    <>
      <ul className="col-start-2 row-start-2 grid grid-cols-3 text-center text-sm md:flex md:gap-10 md:text-left md:text-base">
        <li className={statClass}>
          <Stat value={postCount} label={postCount === 1 ? "post" : "posts"} />
        </li>
        <li className="flex justify-center md:block">
          {listItem("followers", followerCount, followerCount === 1 ? "follower" : "followers")}
        </li>
        <li className="flex justify-center md:block">
          {listItem("following", followingCount, "following")}
        </li>
      </ul>
      <MountWhenOpened open={open === "followers"}>
        <PeopleListDialog
          open={open === "followers"}
          onClose={() => setOpen(null)}
          title="Followers"
          endpoint={`${base}/followers`}
          emptyText="No followers yet."
          refreshOnFollow
          returnFocusRef={followersButton}
        />
      </MountWhenOpened>
      <MountWhenOpened open={open === "following"}>
        <PeopleListDialog
          open={open === "following"}
          onClose={() => setOpen(null)}
          title="Following"
          endpoint={`${base}/following`}
          emptyText="Not following anyone yet."
          refreshOnFollow
          returnFocusRef={followingButton}
        />
      </MountWhenOpened>
    </>
  );
}
