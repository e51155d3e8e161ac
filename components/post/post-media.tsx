import type { CSSProperties } from "react";
import type { MediaView } from "@/lib/shared/post-views";
import { Carousel } from "./carousel";
import { PhotoImage } from "./photo-image";

export { PhotoImage };

type PostMediaProps = {
  media: MediaView[];
  sizes: string;
  priority?: boolean;
  className?: string;
};

/**
 * A post's photos at the first photo's aspect ratio (a post's photos share one crop). Several
 * photos become a carousel: swipe (scroll-snap), arrow buttons, or arrow keys when focused.
 * One photo needs no script (PhotoImage); only a carousel is a client component.
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
