"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { failureOf, toResult, unwrap } from "@/components/forms/action-result";
import { Button } from "@/components/ui/button";
import { setRestrictAction } from "@/lib/comments/actions-restrict";

/** A row's "Unrestrict" in Settings → Restricted accounts; the list renders again after. */
export function UnrestrictButton({ userId, username }: { userId: string; username: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: async () =>
      unwrap(toResult(await setRestrictAction({ userId, restricted: false }))),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex shrink-0 flex-col items-end gap-1">
      <Button
        variant="secondary"
        pending={mutation.isPending}
        onClick={() => mutation.mutate()}
        aria-label={`Unrestrict ${username}`}
        className="h-8 px-3"
      >
        Unrestrict
      </Button>
      {mutation.error ? (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {failureOf(mutation.error).message}
        </p>
      ) : null}
    </div>
  );
}
