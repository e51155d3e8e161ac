"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toResult } from "@/components/forms/action-result";
import { setPrivateAccountAction } from "@/lib/follows/actions";

/**
 * Settings' "Private account" switch. Turning it off approves every pending follow request, so
 * the switch says so before it is pressed.
 */
export function PrivateAccountToggle({ initial }: { initial: boolean }) {
  const router = useRouter();
  const labelId = useId();
  const hintId = useId();
  const [isPrivate, setIsPrivate] = useState(initial);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const toggle = async () => {
    const next = !isPrivate;
    setPending(true);
    setMessage(null);
    setIsPrivate(next);
    const result = toResult(
      await setPrivateAccountAction({ isPrivate: next }).catch(() => undefined),
    );
    setPending(false);
    if (!result.ok) {
      setIsPrivate(!next);
      setMessage(result.message);
      return;
    }
    const { approved } = result.data;
    setMessage(
      next
        ? "Your account is private."
        : approved > 0
          ? `Your account is public. ${approved} pending ${approved === 1 ? "request was" : "requests were"} approved.`
          : "Your account is public.",
    );
    router.refresh();
  };

  return (
    <div>
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <p id={labelId} className="font-semibold">
            Private account
          </p>
          <p id={hintId} className="mt-1 text-sm text-neutral-600 dark:text-neutral-300">
            When your account is private, only people you approve can see your photos and your
            followers and following lists. Your profile photo, name, bio and counts stay visible to
            everyone. Going public approves every pending request.
          </p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={isPrivate}
          aria-labelledby={labelId}
          aria-describedby={hintId}
          disabled={pending}
          onClick={toggle}
          className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60 ${isPrivate ? "bg-sky-600" : "bg-neutral-300 dark:bg-neutral-600"}`}
        >
          <span
            aria-hidden="true"
            className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${isPrivate ? "translate-x-6" : "translate-x-1"}`}
          />
        </button>
      </div>
      <p role="status" className="mt-2 text-sm text-neutral-600 dark:text-neutral-300">
        {message}
      </p>
    </div>
  );
}
