import type { CSSProperties } from "react";
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
 * One photo from its variants, over its tiny placeholder (the wrapper's background, scaled up
 * smooth) until it has loaded and covers it. No state and no script: it renders the same on the
 * server and in the browser, costs nothing to hydrate, and paints from the server's HTML on.
 * Width and height are always given, so nothing moves when it arrives. A priority photo (the
 * page's largest paint) loads eagerly with high fetch priority; the others lazily. A photo that
 * fails to load leaves its placeholder (its alt text is transparent over it, still read out).
 */
export function PhotoImage({
  media,
  sizes,
  priority = false,
  className = "",
  style,
}: PhotoImageProps) {
  const background: CSSProperties = media.placeholder
    ? { backgroundImage: `url("${media.placeholder}")`, backgroundSize: "cover" }
    : {};
  return (
    <div
      className={`relative overflow-hidden bg-neutral-100 bg-center dark:bg-neutral-900 ${className}`}
      style={{ ...background, ...style }}
    >
      {/* biome-ignore lint/performance/noImgElement: our own webp variants, described by srcset */}
      <img
        src={media.src}
        srcSet={srcSetOf(media)}
        sizes={sizes}
        width={media.width}
        height={media.height}
        alt={media.alt}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : "auto"}
        decoding={priority ? undefined : "async"}
        className="relative size-full object-cover text-transparent"
      />
    </div>
  );
}
