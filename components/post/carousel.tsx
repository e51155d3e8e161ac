"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { type CSSProperties, type KeyboardEvent, useLayoutEffect, useRef, useState } from "react";
import type { MediaView } from "@/lib/shared/post-views";
import { PhotoImage } from "./photo-image";

type CarouselProps = {
  media: MediaView[];
  sizes: string;
  priority?: boolean;
  className?: string;
  style: CSSProperties;
};

/** Several photos of one post: swipe, arrow buttons, or arrow keys when focused. */
export function Carousel({ media, sizes, priority, className, style }: CarouselProps) {
  const track = useRef<HTMLDivElement>(null);
  const prevButton = useRef<HTMLButtonElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const [index, setIndex] = useState(0);
  const refocus = useRef<"prev" | "next" | null>(null);
  const count = media.length;

  // The button at an end disappears: keep keyboard focus on the other one once it is rendered.
  useLayoutEffect(() => {
    if (!refocus.current) return;
    const target = refocus.current === "next" ? nextButton.current : prevButton.current;
    refocus.current = null;
    target?.focus();
  });
  // While a button or key scrolls to a slide, the slides passed on the way don't count.
  const scrollingTo = useRef<number | null>(null);

  const goTo = (target: number) => {
    const el = track.current;
    if (!el) return;
    const i = Math.max(0, Math.min(count - 1, target));
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollTo({ left: i * el.clientWidth, behavior: reduce ? "auto" : "smooth" });
    if (i !== Math.round(el.scrollLeft / el.clientWidth)) {
      scrollingTo.current = i;
      // A swipe that interrupts the scroll must count again soon.
      window.setTimeout(() => {
        if (scrollingTo.current === i) scrollingTo.current = null;
      }, 1000);
    }
    const active = document.activeElement;
    if (i === 0 && active === prevButton.current) refocus.current = "next";
    if (i === count - 1 && active === nextButton.current) refocus.current = "prev";
    setIndex(i);
  };

  const onScroll = () => {
    const el = track.current;
    if (!el || el.clientWidth === 0) return;
    const i = Math.round(el.scrollLeft / el.clientWidth);
    if (scrollingTo.current !== null) {
      if (i !== scrollingTo.current) return;
      scrollingTo.current = null;
    }
    if (i !== index) setIndex(i);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      goTo(index + (event.key === "ArrowRight" ? 1 : -1));
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      goTo(event.key === "Home" ? 0 : count - 1);
    }
  };

  const arrow =
    "absolute top-1/2 z-10 inline-flex size-8 -translate-y-1/2 items-center justify-center rounded-full bg-white/85 text-neutral-900 shadow-md backdrop-blur transition hover:bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500";

  return (
    <section
      aria-roledescription="carousel"
      aria-label={`${count} photos`}
      onKeyDown={onKeyDown}
      className={`relative w-full overflow-hidden bg-neutral-100 dark:bg-neutral-900 ${className}`}
      style={style}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: the APG carousel pattern, not a form group */}
      <div
        ref={track}
        role="group"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroller takes focus so arrow keys move it
        tabIndex={0}
        aria-label="Photos, use the arrow keys to move"
        onScroll={onScroll}
        className="peer flex size-full snap-x snap-mandatory overflow-x-auto overscroll-x-contain [scrollbar-width:none] focus-visible:outline-none [&::-webkit-scrollbar]:hidden"
      >
        {media.map((m, i) => (
          // biome-ignore lint/a11y/useSemanticElements: the APG carousel pattern, not a form group
          <div
            key={m.id}
            role="group"
            aria-roledescription="slide"
            aria-label={`${i + 1} of ${count}`}
            aria-hidden={i !== index || undefined}
            className="size-full shrink-0 snap-center snap-always"
          >
            <PhotoImage
              media={m}
              sizes={sizes}
              priority={priority && i === 0}
              className="size-full"
            />
          </div>
        ))}
      </div>

      {/* The focus ring sits above the photos, which would cover an outline of the scroller. */}
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 hidden ring-2 ring-sky-500 ring-inset peer-focus-visible:block"
      />
      {index > 0 ? (
        <button
          ref={prevButton}
          type="button"
          aria-label="Previous photo"
          onClick={() => goTo(index - 1)}
          className={`${arrow} left-3`}
        >
          <ChevronLeft aria-hidden="true" className="size-5" />
        </button>
      ) : null}
      {index < count - 1 ? (
        <button
          ref={nextButton}
          type="button"
          aria-label="Next photo"
          onClick={() => goTo(index + 1)}
          className={`${arrow} right-3`}
        >
          <ChevronRight aria-hidden="true" className="size-5" />
        </button>
      ) : null}

      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 bottom-3 flex justify-center gap-1"
      >
        {media.map((m, i) => (
          <span
            key={m.id}
            className={`size-1.5 rounded-full shadow transition-colors ${i === index ? "bg-white" : "bg-white/45"}`}
          />
        ))}
      </div>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        Photo {index + 1} of {count}
      </p>
    </section>
  );
}
