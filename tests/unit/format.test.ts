import { describe, expect, it } from "vitest";
import {
  formatCompact,
  formatCompactTenths,
  formatCount,
  formatDateTime,
  formatDayMonth,
  formatDayMonthYear,
} from "@/lib/shared/format";

// The app's formatters must read exactly as Intl's en-US formats (what pages showed before, and
// what server components still render with Intl), so they are checked against Intl itself.
const count = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact" });
const tenths = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const long = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short" });
const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric" });
const dayYear = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
});

/** Deterministic spread of values (no Math.random: a failure must reproduce). */
function* spread(): Generator<number> {
  for (let n = 0; n < 20_000; n++) yield n;
  for (let e = 4; e <= 15; e++) {
    const base = 10 ** e;
    for (let k = 1; k < 400; k++) yield Math.floor((base * k * 7919) / 400) % (10 * base);
  }
  // Around every rounding edge: 999.5 of a unit, 9.95 of a unit, x.x5 of a unit.
  for (const unit of [1e3, 1e6, 1e9, 1e12]) {
    for (const at of [1, 1.05, 1.25, 1.95, 9.95, 10, 99.5, 999.5, 1000]) {
      const edge = Math.round(unit * at);
      for (let d = -3; d <= 3; d++) yield edge + d;
    }
  }
}

describe("formatCount", () => {
  it("groups thousands as Intl en-US does", () => {
    for (const n of spread()) expect(formatCount(n)).toBe(count.format(n));
    for (const n of [-1, -999, -1000, -1234567, Number.MAX_SAFE_INTEGER]) {
      expect(formatCount(n)).toBe(count.format(n));
    }
  });

  it("hands what is not a whole number to Intl", () => {
    for (const n of [1.5, 1234.567, Number.NaN, Number.POSITIVE_INFINITY, 1e20]) {
      expect(formatCount(n)).toBe(count.format(n));
    }
  });
});

describe("formatCompact", () => {
  it("abbreviates as Intl en-US compact does, rounding into the next unit at the edge", () => {
    const wrong: string[] = [];
    for (const n of spread()) {
      if (formatCompact(n) !== compact.format(n)) wrong.push(`${n}: ${formatCompact(n)}`);
    }
    expect(wrong).toEqual([]);
    expect(formatCompact(999_950)).toBe("1M");
    expect(formatCompact(1_250)).toBe("1.3K");
    expect(formatCompact(12_345)).toBe("12K");
  });

  it("hands negative, fractional and huge numbers to Intl", () => {
    for (const n of [-1234, 1.5, 999.5, 1e15, 1e18])
      expect(formatCompact(n)).toBe(compact.format(n));
  });
});

describe("formatCompactTenths", () => {
  it("abbreviates to a tenth of the unit as Intl en-US compact with one fraction digit does", () => {
    const wrong: string[] = [];
    for (const n of spread()) {
      if (formatCompactTenths(n) !== tenths.format(n))
        wrong.push(`${n}: ${formatCompactTenths(n)}`);
    }
    expect(wrong).toEqual([]);
    expect(formatCompactTenths(12_345)).toBe("12.3K");
    expect(formatCompactTenths(999_950)).toBe("1M");
  });

  it("hands negative, fractional and huge numbers to Intl", () => {
    for (const n of [-1234, 1.5, 9e14, 1e18]) expect(formatCompactTenths(n)).toBe(tenths.format(n));
  });
});

describe("dates", () => {
  it("read as Intl en-US in local time, every month and hour", () => {
    for (let month = 0; month < 12; month++) {
      for (let hour = 0; hour < 24; hour++) {
        const date = new Date(
          2024 + (month % 3),
          month,
          1 + ((month * 7 + hour) % 28),
          hour,
          hour * 2,
        );
        expect(formatDateTime(date)).toBe(long.format(date));
        expect(formatDayMonth(date)).toBe(day.format(date));
        expect(formatDayMonthYear(date)).toBe(dayYear.format(date));
      }
    }
  });
});
