"use client";

import type { ReactNode } from "react";
import {
  PostReactionsContext,
  type ReactionsSnapshot,
  usePostReactions,
} from "./use-post-reactions";

type PostReactionsProviderProps = ReactionsSnapshot & {
  postId: string;
  signedIn: boolean;
  children: ReactNode;
};

/**
 * Shares one post's like/save state between the photo (double tap) and the action bar, which may
 * sit in different columns of a server-rendered layout.
 */
export function PostReactionsProvider({
  postId,
  signedIn,
  liked,
  likeCount,
  saved,
  children,
}: PostReactionsProviderProps) {
  const reactions = usePostReactions({ postId, signedIn, initial: { liked, likeCount, saved } });
  return <PostReactionsContext value={reactions}>{children}</PostReactionsContext>;
}
