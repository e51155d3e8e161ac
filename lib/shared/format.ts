// Numbers and dates as en-US Intl formats them, without Intl. The first Intl formatter a page
// creates loads the browser's locale data: 12–50 ms on this machine's desktop Chromium, four
// times that on Lighthouse's phone, in the middle of hydration (every card and header formats a
// count). These give the same text for what the app shows (whole counts, local dates); anything
// else falls back to Intl. tests/unit/format.test.ts compares them with Intl over many values.

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

let intlCount: Intl.NumberFormat | undefined;
let intlCompact: Intl.NumberFormat | undefined;
let intlCompactTenths: Intl.NumberFormat | undefined;

/** 1234567 → "1,234,567" (Intl.NumberFormat("en-US")). */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) {
    intlCount ??= new Intl.NumberFormat("en-US");
    return intlCount.format(n);
  }
  const digits = String(Math.abs(n));
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

// Smallest first: a value that rounds to 1000 of one unit is shown in the next (999,950 → "1M").
const UNITS = [
  { size: 1e3, suffix: "K" },
  { size: 1e6, suffix: "M" },
  { size: 1e9, suffix: "B" },
  { size: 1e12, suffix: "T" },
] as const;

/**
 * `n` in K/M/B/T to a tenth of the unit: below 10 of the unit only, or `always`. Null where
 * Intl must answer (negative, fractional, or so large that n × 10 is no longer exact).
 */
function abbreviate(n: number, always: boolean): string | null {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 9e14) return null;
  if (n < 1000) return String(n);
  for (const [i, unit] of UNITS.entries()) {
    const tenths = always || n < 10 * unit.size;
    const value = tenths ? roundHalfUp(n * 10, unit.size) / 10 : roundHalfUp(n, unit.size);
    if (value < 1000 || i === UNITS.length - 1) return `${value}${unit.suffix}`;
  }
  return String(n);
}

/** 1234 → "1.2K", 12345 → "12K", 999999 → "1M" (Intl.NumberFormat("en-US", compact)). */
export function formatCompact(n: number): string {
  const short = abbreviate(n, false);
  if (short !== null) return short;
  intlCompact ??= new Intl.NumberFormat("en-US", { notation: "compact" });
  return intlCompact.format(n);
}

/**
 * 12345 → "12.3K", 1234567 → "1.2M": always to a tenth of the unit (Intl.NumberFormat("en-US",
 * { notation: "compact", maximumFractionDigits: 1 })).
 */
export function formatCompactTenths(n: number): string {
  const short = abbreviate(n, true);
  if (short !== null) return short;
  intlCompactTenths ??= new Intl.NumberFormat("en-US", {
    notation: "compact",
    maximumFractionDigits: 1,
  });
  return intlCompactTenths.format(n);
}

/** a / b rounded, halves up, for non-negative safe integers (exact: no rounding of a float). */
function roundHalfUp(a: number, b: number): number {
  let q = Math.floor(a / b);
  let r = a - q * b;
  if (r < 0) {
    q -= 1;
    r += b;
  }
  return 2 * r >= b ? q + 1 : q;
}

/** "Mar 3" (month: short, day: numeric), in local time. */
export function formatDayMonth(date: Date): string {
  return `${MONTHS[date.getMonth()]?.slice(0, 3)} ${date.getDate()}`;
}

/** "Mar 3, 2024" (month: short, day and year: numeric), in local time. */
export function formatDayMonthYear(date: Date): string {
  return `${formatDayMonth(date)}, ${date.getFullYear()}`;
}

/** "March 3, 2024 at 3:04 PM" (dateStyle: long, timeStyle: short), in local time. */
export function formatDateTime(date: Date): string {
  const hours = date.getHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const minutes = String(date.getMinutes()).padStart(2, "0");
  const day = `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`;
  return `${day} at ${hour12}:${minutes} ${hours < 12 ? "AM" : "PM"}`;
}
