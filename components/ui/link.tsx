"use client";

import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without viewport prefetching: the app's one Link. A feed or a grid shows dozens of
 * links (authors, posts, tags); prefetching each as it scrolls into view cost a phone a request
 * per link and the main thread its bookkeeping while the page was still starting. Pages are
 * prefetched on intent instead — a touch, a hover, a keyboard focus (IntentPrefetch, mounted
 * once by the root layout) — which still comes before the click. `prefetch` set by the caller
 * wins.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
