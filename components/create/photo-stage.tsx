import { ChevronLeft, ChevronRight } from "lucide-react";
import type { ReactNode } from "react";

type Props = {
  count: number;
  index: number;
  onIndex: (index: number) => void;
  children: ReactNode;
  className?: string;
};

const arrow =
  "absolute top-1/2 z-10 flex size-8 -translate-y-1/2 items-center justify-center rounded-full bg-neutral-900/60 text-white shadow backdrop-blur transition-colors hover:bg-neutral-900/80 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500";

/**
 * The square, neutral area where a post's photo is shown (cropping or previewing), with
 * previous/next arrows and one dot per photo when there are several.
 */
export function PhotoStage({ count, index, onIndex, children, className = "" }: Props) {
  return (
    <div
      className={`flex items-center justify-center bg-neutral-100 dark:bg-neutral-950 ${className}`}
    >
      <div className="relative flex aspect-square w-full max-w-[min(100%,max(20rem,calc(100dvh_-_13rem)))] items-center justify-center overflow-hidden">
        {children}
        {count > 1 && index > 0 ? (
          <button
            type="button"
            aria-label="Previous photo"
            onClick={() => onIndex(index - 1)}
            className={`${arrow} left-2`}
          >
            <ChevronLeft aria-hidden="true" className="size-5" />
          </button>
        ) : null}
        {count > 1 && index < count - 1 ? (
          <button
            type="button"
            aria-label="Next photo"
            onClick={() => onIndex(index + 1)}
            className={`${arrow} right-2`}
          >
            <ChevronRight aria-hidden="true" className="size-5" />
          </button>
        ) : null}
        {count > 1 ? (
          <div className="absolute inset-x-0 bottom-2 z-10 flex justify-center">
            <div className="flex rounded-full bg-neutral-900/40 px-1 backdrop-blur">
              {Array.from({ length: count }, (_, i) => (
                <button
                  // biome-ignore lint/suspicious/noArrayIndexKey: one dot per position
                  key={i}
                  type="button"
                  aria-label={`Show photo ${i + 1} of ${count}`}
                  aria-current={i === index ? "true" : undefined}
                  onClick={() => onIndex(i)}
                  className="flex size-5 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-sky-500"
                >
                  <span
                    className={`size-1.5 rounded-full transition-colors ${
                      i === index ? "bg-white" : "bg-white/45"
                    }`}
                  />
                </button>
              ))}
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
