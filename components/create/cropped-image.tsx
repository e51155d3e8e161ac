import { ASPECTS, type Aspect } from "@/lib/images/types";
import { cropFromView, imagePlacement } from "./crop-math";
import type { Photo } from "./types";

type Props = {
  photo: Photo;
  aspect: Aspect;
  className?: string;
  /** Text for the preview; empty when a nearby label already names the photo. */
  alt?: string;
};

/** A photo shown exactly as it will be cropped (the whole original, scaled and shifted by CSS). */
export function CroppedImage({ photo, aspect, className = "", alt = "" }: Props) {
  const placement = imagePlacement(cropFromView(photo, aspect, photo.view));
  return (
    <div
      className={`relative overflow-hidden bg-neutral-200 dark:bg-neutral-800 ${className}`}
      style={{ aspectRatio: String(ASPECTS[aspect]) }}
    >
      {/* biome-ignore lint/performance/noImgElement: a local object URL, not an optimisable asset */}
      <img
        src={photo.url}
        alt={alt}
        draggable={false}
        className="absolute max-w-none select-none"
        style={placement}
      />
    </div>
  );
}

/** Size of a frame of the aspect inside a square stage: the whole width, or the whole height. */
export function frameStyle(aspect: Aspect) {
  const ratio = ASPECTS[aspect];
  return { width: ratio >= 1 ? "100%" : `${ratio * 100}%`, aspectRatio: String(ratio) };
}
