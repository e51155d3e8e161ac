"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";

/** Where a press, hover or focus on an element would take the app, if it is one of its pages. */
export function intentTarget(target: EventTarget | null, origin: string): string | null {
  if (!(target instanceof Element)) return null;
  const anchor = target.closest("a[href]");
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if (anchor.target && anchor.target !== "_self") return null;
  if (anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href, origin);
  if (url.origin !== origin) return null;
  // Routes answered by route handlers, not pages (files, APIs), are never prefetched.
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/media/")) return null;
  return url.pathname + url.search;
}

/**
 * Prefetches a page when the reader shows the intent to open it: a finger on the link, the
 * mouse over it, or the keyboard focus on it (components/ui/link.tsx turns viewport prefetching
 * off). One set of listeners for the whole document; each page once per page shown (a later
 * visit asks again: Next's router cache decides what is still fresh).
 */
export function IntentPrefetch() {
  const router = useRouter();
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page starts a new set
  useEffect(() => {
    const done = new Set<string>();
    const onIntent = (event: Event) => {
      const href = intentTarget(event.target, window.location.origin);
      if (!href || done.has(href)) return;
      if (href === window.location.pathname + window.location.search) return;
      done.add(href);
      router.prefetch(href);
    };
    const types = ["touchstart", "pointerover", "focusin"] as const;
    for (const type of types) {
      document.addEventListener(type, onIntent, { capture: true, passive: true });
    }
    return () => {
      for (const type of types) document.removeEventListener(type, onIntent, { capture: true });
    };
  }, [router, pathname]);
  return null;
}
