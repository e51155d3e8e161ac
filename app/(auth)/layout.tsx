import type { ReactNode } from "react";

// Instagram-style auth screens: one narrow column, centred, with a footer.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-white sm:bg-neutral-50 dark:bg-black sm:dark:bg-black">
      <main className="flex flex-1 items-start justify-center sm:items-center sm:px-4 sm:py-10">
        <div className="flex w-full max-w-[350px] flex-col gap-3 sm:max-w-[400px]">{children}</div>
      </main>
      <footer className="px-4 pt-4 pb-[max(1.5rem,env(safe-area-inset-bottom))] text-center text-xs text-neutral-500 dark:text-neutral-400">
        © {new Date().getFullYear()} Snapgram
      </footer>
    </div>
  );
}
