import Link from "@/components/ui/link";

type LogoProps = { className?: string };

/** The Snapgram wordmark, drawn in text so it stays crisp and themable. */
export function Logo({ className = "" }: LogoProps) {
  return (
    <span
      className={`bg-gradient-to-r from-amber-500 via-pink-500 to-violet-500 bg-clip-text font-extrabold tracking-tighter text-transparent italic select-none ${className}`}
    >
      Snapgram
    </span>
  );
}

/** The wordmark as a link (home, or the log-in page for signed-out visitors), with a focus ring. */
export function LogoLink({
  href = "/",
  label = "Snapgram home",
  className = "text-2xl",
}: {
  href?: string;
  label?: string;
  /** The wordmark's size. */
  className?: string;
}) {
  return (
    <Link
      href={href}
      aria-label={label}
      className="rounded-md focus-visible:outline-2 focus-visible:outline-sky-500"
    >
      <Logo className={className} />
    </Link>
  );
}

/** The square app mark used where the wordmark does not fit (icon rail). */
export function LogoMark({ className = "" }: LogoProps) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className={className}>
      <defs>
        <linearGradient id="snapgram-mark" x1="0" y1="1" x2="1" y2="0">
          <stop offset="0" stopColor="#f59e0b" />
          <stop offset="0.5" stopColor="#ec4899" />
          <stop offset="1" stopColor="#8b5cf6" />
        </linearGradient>
      </defs>
      <rect
        x="2"
        y="2"
        width="20"
        height="20"
        rx="6"
        fill="none"
        stroke="url(#snapgram-mark)"
        strokeWidth="2"
      />
      <circle cx="12" cy="12" r="4.5" fill="none" stroke="url(#snapgram-mark)" strokeWidth="2" />
      <circle cx="17.5" cy="6.5" r="1.2" fill="url(#snapgram-mark)" />
    </svg>
  );
}
