"use client";

import { Button } from "@/components/ui/button";

/** The recovery codes in an action's answer ({ recoveryCodes }), if any. */
export function recoveryCodesIn(data: unknown): string[] | null {
  if (typeof data !== "object" || data === null) return null;
  const codes = (data as { recoveryCodes?: unknown }).recoveryCodes;
  return Array.isArray(codes) && codes.every((c) => typeof c === "string") ? codes : null;
}

/** Ten single-use codes, shown this once (only their hashes are stored). */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <section aria-labelledby="recovery-codes-heading" className="flex flex-col gap-3">
      <h2 id="recovery-codes-heading" className="text-base font-semibold">
        Your recovery codes
      </h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-300">
        Each code signs you in once if you lose your phone. Save them somewhere safe now: they
        won&apos;t be shown again.
      </p>
      <ul
        data-testid="recovery-codes"
        className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md bg-neutral-100 px-4 py-3 font-mono text-sm dark:bg-neutral-800"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button onClick={onDone} className="sm:self-start">
        I&apos;ve saved my codes
      </Button>
    </section>
  );
}
