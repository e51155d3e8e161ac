import { avatarSrcSet } from "@/lib/shared/media";

type AvatarSize = "xs" | "sm" | "md" | "lg" | "xl";

/** `sizes`: how wide the photo is drawn, so the browser picks the avatar variant (srcset). */
const sizes: Record<AvatarSize, { box: string; text: string; px: number; sizes: string }> = {
  xs: { box: "size-6", text: "text-[0.65rem]", px: 24, sizes: "24px" },
  sm: { box: "size-8", text: "text-xs", px: 32, sizes: "32px" },
  md: { box: "size-11", text: "text-base", px: 44, sizes: "44px" },
  lg: { box: "size-14", text: "text-xl", px: 56, sizes: "56px" },
  // The profile header: 77 px on phones, 150 px from tablets up (as on Instagram).
  xl: {
    box: "size-[77px] md:size-[150px]",
    text: "text-3xl md:text-5xl",
    px: 150,
    sizes: "(min-width: 48rem) 150px, 77px",
  },
};

type AvatarProps = {
  src: string | null;
  name: string;
  size?: AvatarSize;
  className?: string;
  /** Decorative when the name is shown next to it (the default); otherwise alt = name. */
  decorative?: boolean;
};

/** First letter of the display name, or "?" when there is none. */
export function initialsOf(name: string): string {
  const letter = [...name.trim()][0];
  return letter ? letter.toUpperCase() : "?";
}

/** A round profile photo, or the initial on the brand gradient when there is no photo. */
export function Avatar({ src, name, size = "md", className = "", decorative = true }: AvatarProps) {
  const s = sizes[size];
  const base = `${s.box} shrink-0 rounded-full ${className}`;
  if (!src) {
    const className = `${base} inline-flex items-center justify-center bg-gradient-to-br from-amber-400 via-pink-500 to-violet-600 font-semibold text-white select-none ${s.text}`;
    return decorative ? (
      <span aria-hidden="true" className={className}>
        {initialsOf(name)}
      </span>
    ) : (
      <span role="img" aria-label={name} className={className}>
        {initialsOf(name)}
      </span>
    );
  }
  const srcSet = avatarSrcSet(src);
  return (
    // biome-ignore lint/performance/noImgElement: avatars are pre-sized webp variants from storage
    <img
      src={src}
      srcSet={srcSet}
      sizes={srcSet ? s.sizes : undefined}
      alt={decorative ? "" : name}
      width={s.px}
      height={s.px}
      loading="lazy"
      decoding="async"
      className={`${base} bg-neutral-100 object-cover ring-1 ring-black/5 dark:bg-neutral-800 dark:ring-white/10`}
    />
  );
}
