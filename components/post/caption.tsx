"use client";

import { useEffect, useRef, useState } from "react";
import Link from "@/components/ui/link";
import { tokenizeCaption } from "@/lib/posts/caption";

const linkClass =
  "font-medium text-sky-900 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300";

/** User text with #tags linked to their tag page and @mentions to the profile; text stays text. */
export function RichText({ text }: { text: string }) {
  let offset = 0;
  return (
    <>
      {tokenizeCaption(text).map((token) => {
        // Where the token starts in the text: a stable key for this text.
        const key = offset;
        offset += token.text.length;
        if (token.type === "tag") {
          return (
            <Link
              key={key}
              href={`/explore/tags/${encodeURIComponent(token.tag)}`}
              className={linkClass}
            >
              {token.text}
            </Link>
          );
        }
        if (token.type === "mention") {
          return (
            <Link key={key} href={`/${encodeURIComponent(token.username)}`} className={linkClass}>
              {token.text}
            </Link>
          );
        }
        return <span key={key}>{token.text}</span>;
      })}
    </>
  );
}

type CaptionProps = {
  text: string;
  /** Shown first, bold, linking to the profile (as on Instagram). */
  username?: string;
  /** Collapse to about three lines with a "more" button. */
  collapsible?: boolean;
  className?: string;
};

// A first guess made on the server so the "more" button needs no layout change after hydration;
// measured and corrected in the browser once it has laid the caption out.
const looksLong = (text: string) => text.length > 125 || text.split("\n").length > 3;

export function Caption({ text, username, collapsible = false, className = "" }: CaptionProps) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [clamped, setClamped] = useState(() => collapsible && looksLong(text));

  // Measured when the browser lays the page out anyway (a ResizeObserver reports after layout),
  // not by forcing a layout in the middle of hydration: a feed of captions did that a dozen times.
  useEffect(() => {
    const el = ref.current;
    if (!collapsible || expanded || !el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setClamped(el.scrollHeight > el.clientHeight + 1));
    observer.observe(el);
    return () => observer.disconnect();
  }, [collapsible, expanded]);

  if (!text && !username) return null;
  const collapsed = collapsible && !expanded;
  return (
    <div className={`text-sm leading-[1.35rem] ${className}`}>
      <p ref={ref} className={`break-words whitespace-pre-wrap ${collapsed ? "line-clamp-3" : ""}`}>
        {username ? (
          <>
            <Link
              href={`/${encodeURIComponent(username)}`}
              className="font-semibold hover:opacity-70 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500"
            >
              {username}
            </Link>{" "}
          </>
        ) : null}
        <RichText text={text} />
      </p>
      {collapsed && clamped ? (
        <button
          type="button"
          onClick={() => setExpanded(true)}
          className="text-neutral-500 hover:text-neutral-700 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-neutral-400 dark:hover:text-neutral-200"
        >
          more
        </button>
      ) : null}
    </div>
  );
}
