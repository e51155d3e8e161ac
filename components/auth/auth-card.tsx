import type { ReactNode } from "react";
import { AuthPanel } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { LogoLink } from "@/components/ui/logo";

type AuthCardProps = {
  title: string;
  /** Keep the heading for screen readers only (the wordmark says it visually). */
  hideTitle?: boolean;
  subtitle?: ReactNode;
  children: ReactNode;
};

/** The main box of an auth screen: wordmark, optional heading, then the form. */
export function AuthCard({ title, hideTitle = false, subtitle, children }: AuthCardProps) {
  return (
    <AuthPanel className="bg-white dark:bg-black">
      <div className="mb-6 flex flex-col items-center gap-3 text-center">
        <LogoLink className="text-4xl leading-tight" />
        <h1 className={hideTitle ? "sr-only" : "text-base font-semibold"}>{title}</h1>
        {subtitle ? (
          <p className="text-sm text-neutral-500 dark:text-neutral-400">{subtitle}</p>
        ) : null}
      </div>
      {children}
    </AuthPanel>
  );
}

/** The small box under the main one ("Don't have an account? Sign up"). */
export function AuthAside({ children }: { children: ReactNode }) {
  return (
    <AuthPanel className="bg-white py-5 text-center text-sm sm:py-6 dark:bg-black">
      {children}
    </AuthPanel>
  );
}

export function AuthLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="font-semibold text-sky-600 hover:text-sky-700 focus-visible:underline dark:text-sky-400"
    >
      {children}
    </Link>
  );
}
