import { ArrowLeft, Loader2 } from "lucide-react";
import type { Ref } from "react";

type Action = { label: string; onClick: () => void; disabled?: boolean; pending?: boolean };

type Props = {
  title: string;
  headingRef: Ref<HTMLHeadingElement>;
  back?: Action;
  action?: Action;
};

/** The create card's top bar: back arrow, the step's title (focused on step change), next step. */
export function FlowHeader({ title, headingRef, back, action }: Props) {
  return (
    <div className="grid h-12 grid-cols-[4.5rem_1fr_4.5rem] items-center border-b border-neutral-200 px-1 dark:border-neutral-800">
      <div>
        {back ? (
          <button
            type="button"
            aria-label={back.label}
            title={back.label}
            onClick={back.onClick}
            disabled={back.disabled}
            className="flex size-10 items-center justify-center rounded-lg transition-colors hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:cursor-not-allowed disabled:opacity-40 dark:hover:bg-neutral-900"
          >
            <ArrowLeft aria-hidden="true" className="size-6" />
          </button>
        ) : null}
      </div>
      <h2
        ref={headingRef}
        tabIndex={-1}
        className="truncate text-center text-base font-semibold focus:outline-none"
      >
        {title}
      </h2>
      <div className="flex justify-end">
        {action ? (
          <button
            type="button"
            onClick={action.onClick}
            disabled={action.disabled || action.pending}
            aria-busy={action.pending || undefined}
            className="inline-flex h-10 items-center gap-1.5 rounded-lg px-3 text-sm font-semibold text-sky-600 transition-colors hover:text-sky-800 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:cursor-not-allowed disabled:text-sky-300 dark:text-sky-400 dark:hover:text-sky-300 dark:disabled:text-sky-900"
          >
            {action.pending ? <Loader2 aria-hidden="true" className="size-4 animate-spin" /> : null}
            {action.label}
          </button>
        ) : null}
      </div>
    </div>
  );
}
