"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import {
  type CSSProperties,
  type KeyboardEvent,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import type { MediaView } from "@/lib/shared/post-views";

type PhotoImageProps = {
  media: MediaView;
  /** The `sizes` attribute: how wide the photo is drawn at each viewport width. */
  sizes: string;
  priority?: boolean;
  /** Classes of the wrapper; it must get a size (aspect-square, size-full, ...). */
  className?: string;
  style?: CSSProperties;
};

const srcSetOf = (media: MediaView) => media.srcSet.map((v) => `${v.url} ${v.width}w`).join(", ");

/**
 * One photo from its variants: the blurred placeholder shows until the image has loaded, then
 * the photo fades in. Width and height are always given, so nothing moves when it arrives.
 * A priority photo (the page's largest paint) is visible from the server's HTML on, over its
 * placeholder: it never waits for hydration to fade in.
 */
export function PhotoImage({
  media,
  sizes,
  priority = false,
  className = "",
  style,
}: PhotoImageProps) {
  const [loaded, setLoaded] = useState(false);
  // An image that finished before hydration fires no onLoad: check once it is attached.
  const attach = useCallback((img: HTMLImageElement | null) => {
    if (img?.complete && img.naturalWidth > 0) setLoaded(true);
  }, []);
  return (
    <div
      className={`relative overflow-hidden bg-neutral-100 dark:bg-neutral-900 ${className}`}
      style={style}
    >
      {media.placeholder ? (
        <div
          aria-hidden="true"
          className={`absolute inset-0 scale-110 bg-cover bg-center blur-lg transition-opacity duration-500 ${loaded ? "opacity-0" : "opacity-100"}`}
          style={{ backgroundImage: `url("${media.placeholder}")` }}
        />
      ) : null}
      {/* biome-ignore lint/performance/noImgElement: our own webp variants, described by srcset */}
      <img
        ref={attach}
        src={media.src}
        srcSet={srcSetOf(media)}
        sizes={sizes}
        width={media.width}
        height={media.height}
        alt={media.alt}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : "auto"}
        decoding="async"
        onLoad={() => setLoaded(true)}
        className={`relative size-full object-cover transition-opacity duration-300 motion-reduce:transition-none ${priority || loaded ? "opacity-100" : "opacity-0"}`}
      />
    </div>
  );
}

type PostMediaProps = {
  media: MediaView[];
  sizes: string;
  priority?: boolean;
  className?: string;
};

/**
 * A post's photos at the first photo's aspect ratio (a post's photos share one crop). Several
 * photos become a carousel: swipe (scroll-snap), arrow buttons, or arrow keys when focused.
 * The wrapper sets `--media-ratio` so a caller can cap the height, e.g. to the viewport.
 */
export function PostMedia({ media, sizes, priority = false, className = "" }: PostMediaProps) {
  const first = media[0];
  if (!first) return null;
  const ratio = first.width / first.height;
  const style = {
    aspectRatio: `${first.width} / ${first.height}`,
    "--media-ratio": ratio,
  } as CSSProperties;
  if (media.length === 1) {
    return (
      <PhotoImage
        media={first}
        sizes={sizes}
        priority={priority}
        className={`w-full ${className}`}
        style={style}
      />
    );
  }
  return (
    <Carousel media={media} sizes={sizes} priority={priority} className={className} style={style} />
  );
}

type CarouselProps = PostMediaProps & { style: CSSProperties };

function Carousel({ media, sizes, priority, className, style }: CarouselProps) {
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
