"use client";

import { Heart } from "lucide-react";
import { type MouseEvent, type PointerEvent, type ReactNode, useRef, useState } from "react";
import styles from "./heart-animations.module.css";
import { usePostReactionsContext } from "./use-post-reactions";

type DoubleTapLikeProps = { children: ReactNode; className?: string };

/** Two taps closer than this (ms, px) are a double tap; a tap moves less than TAP_SLOP. */
const DOUBLE_TAP_MS = 300;
const DOUBLE_TAP_DISTANCE = 40;
const TAP_SLOP = 10;
const TAP_MAX_MS = 250;

type Tap = { x: number; y: number; at: number };

// Carousel arrows, links and the like keep their own clicks.
const onControl = (target: EventTarget) =>
  target instanceof Element && target.closest("button, a, input, textarea, [role=button]") !== null;

/**
 * Wraps a post's photos: a double tap (touch) or double click likes the post, never unlikes,
 * with a big heart popping over the photo. Single taps and swipes pass through untouched (the
 * carousel still scrolls); keyboard users have the heart button of the action bar.
 */
export function DoubleTapLike({ children, className = "" }: DoubleTapLikeProps) {
  const { like } = usePostReactionsContext();
  const [pops, setPops] = useState(0);
  const down = useRef<Tap | null>(null);
  const lastTap = useRef<Tap | null>(null);
  const lastTouchLike = useRef(0);

  const likeWithHeart = () => {
    setPops((n) => n + 1);
    like();
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.pointerType === "mouse" || !event.isPrimary) return;
    down.current = { x: event.clientX, y: event.clientY, at: event.timeStamp };
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const start = down.current;
    down.current = null;
    if (event.pointerType === "mouse" || !start || onControl(event.target)) return;
    const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
    if (moved > TAP_SLOP || event.timeStamp - start.at > TAP_MAX_MS) {
      lastTap.current = null;
      return;
    }
    const tap = { x: event.clientX, y: event.clientY, at: event.timeStamp };
    const prev = lastTap.current;
    if (
      prev &&
      tap.at - prev.at < DOUBLE_TAP_MS &&
      Math.hypot(tap.x - prev.x, tap.y - prev.y) < DOUBLE_TAP_DISTANCE
    ) {
      lastTap.current = null;
      lastTouchLike.current = Date.now();
      likeWithHeart();
    } else {
      lastTap.current = tap;
    }
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    // Touch browsers may also send dblclick after our own double-tap detection.
    if (Date.now() - lastTouchLike.current < 800 || onControl(event.target)) return;
    likeWithHeart();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the Like button is the accessible way
    <div
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        down.current = null;
        lastTap.current = null;
      }}
      onDoubleClick={onDoubleClick}
      // A double click would otherwise select the photo.
      onMouseDown={(event) => {
        if (event.detail > 1 && !onControl(event.target)) event.preventDefault();
      }}
      className={`relative touch-manipulation select-none ${className}`}
    >
      {children}
      {pops > 0 ? (
        <span
          key={pops}
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center"
        >
          <Heart
            strokeWidth={0}
            className={`size-24 fill-white opacity-0 drop-shadow-[0_2px_12px_rgb(0_0_0/0.35)] ${styles.pop}`}
          />
        </span>
      ) : null}
    </div>
  );
}
