"use client";

import { Monitor, Smartphone, Tablet } from "lucide-react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { revokeSessionAction } from "@/lib/users/actions-sessions";

export type SessionItem = {
  id: string;
  device: string;
  ip: string;
  lastSeenAt: string;
  current: boolean;
};

function DeviceIcon({ device }: { device: string }) {
  const Icon = /iPad/.test(device) ? Tablet : /Android|iPhone/.test(device) ? Smartphone : Monitor;
  return <Icon aria-hidden="true" className="size-5 shrink-0 text-neutral-500" />;
}

/** One sign-in: its device, when it was last used, and "Log out" for another device. */
function SessionRow({ session }: { session: SessionItem }) {
  const end = useActionForm(revokeSessionAction);
  const error = end.message ?? end.fieldErrors.sessionId?.[0] ?? null;
  return (
    <li className="flex items-center gap-3 py-3 first:pt-0 last:pb-0">
      <DeviceIcon device={session.device} />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-semibold">{session.device}</p>
        <p className="truncate text-xs text-neutral-500 dark:text-neutral-400">
          {session.current ? (
            <span className="font-semibold text-emerald-700 dark:text-emerald-400">
              This device
            </span>
          ) : (
            <>
              Last active <RelativeTime iso={session.lastSeenAt} />
            </>
          )}
          {session.ip && session.ip !== "unknown" ? <> · {session.ip}</> : null}
        </p>
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
      {session.current ? null : (
        <Button
          variant="secondary"
          pending={end.isPending}
          disabled={end.isPending}
          onClick={() => end.execute({ sessionId: session.id })}
          aria-label={`Log out ${session.device}`}
          className="shrink-0"
        >
          Log out
        </Button>
      )}
    </li>
  );
}

/** "Where you're signed in": every live session of the account, this device first. */
export function SessionList({ sessions }: { sessions: SessionItem[] }) {
  return (
    <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
      {sessions.map((s) => (
        <SessionRow key={s.id} session={s} />
      ))}
    </ul>
  );
}
