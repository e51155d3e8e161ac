import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { LogoLink } from "@/components/ui/logo";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-14 items-center border-b border-neutral-200 px-4 dark:border-neutral-800">
        <LogoLink />
      </header>
      <main className="flex flex-1 flex-col items-center px-6 pt-16 text-center sm:pt-24">
        <h1 className="text-2xl font-semibold">Sorry, this page isn&apos;t available.</h1>
        <p className="mt-4 max-w-md text-neutral-600 dark:text-neutral-400">
          The link you followed may be broken, or the page may have been removed.{" "}
          <Link href="/" className="font-semibold text-sky-600 hover:underline dark:text-sky-400">
            Go back to Snapgram.
          </Link>
        </p>
      </main>
    </div>
  );
}
