"use client";

import { Monitor, Smartphone, Tablet } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { removePushDeviceAction } from "@/lib/push/actions";

export type PushDeviceItem = { id: string; device: string; createdAt: string; current: boolean };

function DeviceIcon({ device }: { device: string }) {
  const Icon = /iPad/.test(device) ? Tablet : /Android|iPhone/.test(device) ? Smartphone : Monitor;
  return <Icon aria-hidden="true" className="size-5 shrink-0 text-neutral-500" />;
}

function DeviceRow({ device }: { device: PushDeviceItem }) {
  const router = useRouter();
  const remove = useActionForm(removePushDeviceAction);
  useEffect(() => {
    if (remove.succeeded) router.refresh();
  }, [remove.succeeded, router]);
  return (
    <li className="flex items-center gap-3 py-3 first:pt-0 last:pb-0">
      <DeviceIcon device={device.device} />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-semibold">{device.device}</p>
        <p className="truncate text-xs text-neutral-500 dark:text-neutral-400">
          {device.current ? (
            <span className="font-semibold text-emerald-700 dark:text-emerald-400">
              This device
            </span>
          ) : (
            <>
              Turned on <RelativeTime iso={device.createdAt} />
            </>
          )}
        </p>
        {remove.message ? (
          <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
            {remove.message}
          </p>
        ) : null}
      </div>
      <Button
        variant="secondary"
        pending={remove.isPending}
        onClick={() => remove.execute({ id: device.id })}
        aria-label={`Stop notifications on ${device.device}${device.current ? " (this device)" : ""}`}
        className="shrink-0"
      >
        Remove
      </Button>
    </li>
  );
}

/** Every device that gets the account's pushes, this one first; each can be removed. */
export function PushDeviceList({ devices }: { devices: PushDeviceItem[] }) {
  if (devices.length === 0) {
    return (
      <p className="text-sm text-neutral-600 dark:text-neutral-300">
        No device gets push notifications yet.
      </p>
    );
  }
  return (
    <ul
      aria-label="Devices with push notifications"
      className="divide-y divide-neutral-200 dark:divide-neutral-800"
    >
      {devices.map((d) => (
        <DeviceRow key={d.id} device={d} />
      ))}
    </ul>
  );
}
