"use client";

import { useId, useState } from "react";
import { toResult } from "@/components/forms/action-result";
import { setPushKindAction } from "@/lib/push/actions";
import { PUSH_KINDS, type PushKindKey } from "@/lib/push/kinds";

/** One switch per kind of push (lib/push/kinds.ts), for all the account's devices. */
export function PushKindSwitches({ initial }: { initial: { key: string; enabled: boolean }[] }) {
  return (
    <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
      {PUSH_KINDS.map((kind) => (
        <KindSwitch
          key={kind.key}
          kind={kind}
          initial={initial.find((k) => k.key === kind.key)?.enabled ?? true}
        />
      ))}
    </ul>
  );
}

function KindSwitch({
  kind,
  initial,
}: {
  kind: { key: PushKindKey; label: string; description: string };
  initial: boolean;
}) {
  const labelId = useId();
  const hintId = useId();
  const [on, setOn] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = async () => {
    const next = !on;
    setOn(next);
    setPending(true);
    setError(null);
    const result = toResult(
      await setPushKindAction({ kind: kind.key, enabled: next }).catch(() => undefined),
    );
    setPending(false);
    if (!result.ok) {
      setOn(!next);
      setError(result.message);
    }
  };

  return (
    <li className="flex items-center justify-between gap-4 py-3 first:pt-0 last:pb-0">
      <div className="min-w-0">
        <p id={labelId} className="text-sm font-semibold">
          {kind.label}
        </p>
        <p id={hintId} className="text-xs text-neutral-500 dark:text-neutral-400">
          {kind.description}
        </p>
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-labelledby={labelId}
        aria-describedby={hintId}
        disabled={pending}
        onClick={toggle}
        className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60 ${on ? "bg-sky-600" : "bg-neutral-300 dark:bg-neutral-600"}`}
      >
        <span
          aria-hidden="true"
          className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${on ? "translate-x-6" : "translate-x-1"}`}
        />
      </button>
    </li>
  );
}
