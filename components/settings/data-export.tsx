"use client";

import { Download } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toResult } from "@/components/forms/action-result";
import { Button } from "@/components/ui/button";
import { requestDataExportAction } from "@/lib/data-export/actions";
import type { DataExportView } from "@/lib/data-export/queries";

/** How often the section looks again while the export is being prepared. */
const POLL_MS = 5_000;

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-US", {
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });

const megabytes = (bytes: number) =>
  bytes < 1_000_000
    ? `${Math.max(1, Math.round(bytes / 1000))} KB`
    : `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * Settings' "Download your information": ask for a copy (built in the background and mailed),
 * see it being prepared, download it for 7 days, or ask again once it expired.
 */
export function DataExportSection({ view }: { view: DataExportView }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  // While preparing, the page re-reads the state so "ready" shows up without a reload.
  useEffect(() => {
    if (view.state !== "preparing") return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [view.state, router]);

  const request = async () => {
    setPending(true);
    setMessage(null);
    const result = toResult(await requestDataExportAction().catch(() => undefined));
    setPending(false);
    setMessage(
      result.ok
        ? "We're preparing your information. We'll e-mail you a link when it's ready."
        : result.message,
    );
    router.refresh();
  };

  const requestButton = (label: string, variant: "primary" | "secondary" = "primary") => (
    <Button variant={variant} pending={pending} onClick={request} className="shrink-0">
      {label}
    </Button>
  );

  let state: React.ReactNode;
  switch (view.state) {
    case "preparing":
      state = (
        <p className="text-sm font-semibold">
          Preparing your information… We&apos;ll e-mail you a link when it&apos;s ready.
        </p>
      );
      break;
    case "ready":
      state = (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm">
            <span className="font-semibold">Your information is ready.</span> Download it until{" "}
            {day(view.expiresAt)} ({megabytes(view.size)}).
          </p>
          <a
            href={view.href}
            download
            className="inline-flex h-10 shrink-0 items-center justify-center gap-2 rounded-lg bg-sky-600 px-4 text-sm font-semibold text-white hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
          >
            <Download aria-hidden="true" className="size-4" />
            Download
          </a>
        </div>
      );
      break;
    case "expired":
      state = (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm">Your last download expired on {day(view.expiredAt)}.</p>
          {requestButton("Request a new download")}
        </div>
      );
      break;
    case "failed":
      state = (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm">We couldn&apos;t prepare your information. Please try again.</p>
          {requestButton("Try again")}
        </div>
      );
      break;
    default:
      state = <div className="flex justify-end">{requestButton("Request a download")}</div>;
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-neutral-600 dark:text-neutral-300">
        Get a copy of what you&apos;ve shared on Snapgram: your profile, posts with their photos,
        comments, likes, saves, followers and following, in a zip file with a page you can open in
        any browser. We&apos;ll e-mail you a link; it works for 7 days, only when you&apos;re signed
        in.
      </p>
      {state}
      <p role="status" className="text-sm text-neutral-600 empty:-mt-3 dark:text-neutral-300">
        {message}
      </p>
    </div>
  );
}
