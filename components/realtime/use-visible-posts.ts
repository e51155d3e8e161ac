"use client";

import { useEffect, useState } from "react";

// Feed cards listen to their post only while on (or near) the screen, so a long feed holds a
// handful of subscriptions instead of hundreds. One IntersectionObserver serves every card.

/** Cards this far above or below the viewport count as visible (subscribed before they show). */
const ROOT_MARGIN = "600px 0px";
/** Keep listening this long after a card left, so fast scrolling does not churn subscriptions. */
const LINGER_MS = 3000;

type Watcher = (visible: boolean) => void;
const watchers = new Map<Element, Watcher>();
let observer: IntersectionObserver | null = null;

function watch(element: Element, onChange: Watcher): () => void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) watchers.get(entry.target)?.(entry.isIntersecting);
    },
    { rootMargin: ROOT_MARGIN },
  );
  watchers.set(element, onChange);
  observer.observe(element);
  return () => {
    watchers.delete(element);
    observer?.unobserve(element);
  };
}

/**
 * Whether an element is on or near the screen. Returns a callback ref for the element; without
 * IntersectionObserver (very old browsers) everything counts as visible.
 */
export function useNearViewport(): [ref: (element: Element | null) => void, visible: boolean] {
  const [element, setElement] = useState<Element | null>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    if (!element) return;
    if (typeof IntersectionObserver === "undefined") {
      setVisible(true);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = watch(element, (isVisible) => {
      clearTimeout(timer);
      if (isVisible) setVisible(true);
      else timer = setTimeout(() => setVisible(false), LINGER_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
      setVisible(false);
    };
  }, [element]);

  return [setElement, visible];
}
