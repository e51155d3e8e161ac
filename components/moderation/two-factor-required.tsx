import { ShieldCheck } from "lucide-react";
import Link from "@/components/ui/link";

/** What a moderation page shows a moderator without two-factor, when MODERATION_REQUIRES_2FA. */
export function TwoFactorRequired() {
  return (
    <main className="mx-auto w-full max-w-[680px] px-4 py-6 md:py-10">
      <h1 className="mb-4 text-xl font-bold md:text-2xl">Moderation</h1>
      <div className="flex flex-col items-center gap-4 rounded-xl border border-neutral-200 px-6 py-12 text-center dark:border-neutral-800">
        <ShieldCheck aria-hidden="true" className="size-10 text-neutral-500" />
        <p className="text-sm">Turn on two-factor authentication in Settings to moderate.</p>
        <Link
          href="/accounts/two-factor"
          className="inline-flex h-10 items-center rounded-lg bg-sky-600 px-4 text-sm font-semibold text-white hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
        >
          Set up two-factor authentication
        </Link>
      </div>
    </main>
  );
}
