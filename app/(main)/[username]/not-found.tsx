import Link from "@/components/ui/link";

export default function ProfileNotFound() {
  return (
    <main className="mx-auto flex w-full max-w-[600px] flex-col items-center px-6 py-16 text-center">
      <h1 className="text-2xl font-semibold">Sorry, this page isn&apos;t available.</h1>
      <p className="mt-4 text-sm text-neutral-600 dark:text-neutral-400">
        The link you followed may be broken, or the profile may have been removed or renamed.{" "}
        <Link href="/" className="font-semibold text-sky-600 hover:underline dark:text-sky-400">
          Go back to Snapgram.
        </Link>
      </p>
    </main>
  );
}
