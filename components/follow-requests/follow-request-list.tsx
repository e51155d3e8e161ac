"use client";

import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toResult } from "@/components/forms/action-result";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AvatarLink, UsernameLink } from "@/components/ui/profile-link";
import { approveFollowRequestAction, deleteFollowRequestAction } from "@/lib/follows/actions";
import type { PersonView } from "@/lib/shared/post-views";
import { useLiveRequests } from "./use-live-requests";

type Answer = "confirm" | "delete";

function RequestRow({ person, onDone }: { person: PersonView; onDone: () => void }) {
  const [pending, setPending] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const answer = async (what: Answer) => {
    setPending(what);
    setError(null);
    const action = what === "confirm" ? approveFollowRequestAction : deleteFollowRequestAction;
    const result = toResult(await action({ userId: person.id }).catch(() => undefined));
    setPending(null);
    if (result.ok || result.code === "NOT_FOUND") onDone();
    else setError(result.message);
  };
  return (
    <li className="flex items-center gap-3 px-4 py-2.5">
      <AvatarLink person={person} size="md" />
      <div className="min-w-0 flex-1 text-sm leading-5">
        <UsernameLink username={person.username} />
        <span className="block truncate text-neutral-500 dark:text-neutral-400">{person.name}</span>
        {error ? (
          <span role="alert" className="block text-red-600 dark:text-red-400">
            {error}
          </span>
        ) : null}
      </div>
      <Button
        className="h-8 px-3"
        pending={pending === "confirm"}
        disabled={pending !== null}
        onClick={() => answer("confirm")}
        aria-label={`Confirm ${person.username}`}
      >
        Confirm
      </Button>
      <Button
        variant="secondary"
        className="h-8 px-3"
        pending={pending === "delete"}
        disabled={pending !== null}
        onClick={() => answer("delete")}
        aria-label={`Delete ${person.username}'s request`}
      >
        Delete
      </Button>
    </li>
  );
}

/** The owner's follow requests with Confirm / Delete; new requests appear live. */
export function FollowRequestList({ requests }: { requests: PersonView[] }) {
  const router = useRouter();
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  useLiveRequests();
  const shown = requests.filter((p) => !answered.has(p.id));
  if (shown.length === 0) {
    return (
      <EmptyState icon={UserPlus} title="No follow requests" description="You're all caught up." />
    );
  }
  return (
    <ul aria-label="Follow requests" className="flex flex-col">
      {shown.map((person) => (
        <RequestRow
          key={person.id}
          person={person}
          onDone={() => {
            setAnswered((prev) => new Set(prev).add(person.id));
            router.refresh();
          }}
        />
      ))}
    </ul>
  );
}
