type Props = {
  value: number;
  label: string;
  tone?: "default" | "error" | "done";
  className?: string;
};

/** A thin determinate progress bar (0-100), announced with its label and value. */
export function ProgressBar({ value, label, tone = "default", className = "" }: Props) {
  const percent = Math.round(Math.min(100, Math.max(0, value)));
  const fill = tone === "error" ? "bg-red-500" : tone === "done" ? "bg-emerald-500" : "bg-sky-500";
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
      className={`h-1.5 w-full overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800 ${className}`}
    >
      <div
        className={`h-full rounded-full transition-[width] duration-200 ${fill}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
