"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, formatDayMonth, formatDayMonthYear } from "@/lib/shared/format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

// One shared ticker: every mounted <RelativeTime> re-renders once a minute, not one timer each.
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const l of listeners) l();
  }, MINUTE);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
// Whole minutes, so the snapshot is stable between ticks.
const currentMinute = () => Math.floor(Date.now() / MINUTE);

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;

/** Short label ("now", "2m", "3h", "5d", then "Mar 3" or "Mar 3, 2024") and its spoken form. */
export function formatRelative(date: Date, now: number): { short: string; spoken: string } {
  const diff = Math.max(0, now - date.getTime());
  if (diff < MINUTE) return { short: "now", spoken: "just now" };
  if (diff < HOUR) {
    const m = Math.floor(diff / MINUTE);
    return { short: `${m}m`, spoken: plural(m, "minute") };
  }
  if (diff < DAY) {
    const h = Math.floor(diff / HOUR);
    return { short: `${h}h`, spoken: plural(h, "hour") };
  }
  if (diff < WEEK) {
    const d = Math.floor(diff / DAY);
    return { short: `${d}d`, spoken: plural(d, "day") };
  }
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  const label = sameYear ? formatDayMonth(date) : formatDayMonthYear(date);
  return { short: label, spoken: label };
}

type RelativeTimeProps = { iso: string; className?: string };

/** "2m", "3h", "5d", then a date; the full date on hover and the long form for screen readers. */
export function RelativeTime({ iso, className = "" }: RelativeTimeProps) {
  // Re-renders once a minute; the label itself uses the exact time.
  useSyncExternalStore(subscribe, currentMinute, currentMinute);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const { short, spoken } = formatRelative(date, Date.now());
  return (
    // Server and browser clocks (and time zones) may differ by a little: the browser's text wins.
    <time
      dateTime={iso}
      title={formatDateTime(date)}
      className={className}
      suppressHydrationWarning
    >
      <span aria-hidden="true" suppressHydrationWarning>
        {short}
      </span>
      <span className="sr-only" suppressHydrationWarning>
        {spoken}
      </span>
    </time>
  );
}
