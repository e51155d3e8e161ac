"use client";

import { ChevronDown } from "lucide-react";
import { useId } from "react";

/** The per-post controls chosen before sharing (changeable later from the post's "…" menu). */
export type PostControlSettings = { hideLikeCount: boolean; commentsOff: boolean };

export const DEFAULT_POST_CONTROLS: PostControlSettings = {
  hideLikeCount: false,
  commentsOff: false,
};

type Props = {
  value: PostControlSettings;
  onChange: (value: PostControlSettings) => void;
};

/** "Advanced settings", as on Instagram: hide the like count, turn off commenting. */
export function AdvancedSettings({ value, onChange }: Props) {
  return (
    <details className="group rounded-md border border-neutral-200 dark:border-neutral-800">
      <summary className="flex cursor-pointer list-none items-center justify-between px-3 py-2.5 text-sm font-semibold focus-visible:rounded-md focus-visible:outline-2 focus-visible:outline-sky-500 [&::-webkit-details-marker]:hidden">
        Advanced settings
        <ChevronDown
          aria-hidden="true"
          className="size-4 transition-transform group-open:rotate-180"
        />
      </summary>
      <div className="flex flex-col gap-4 border-t border-neutral-200 px-3 py-3 dark:border-neutral-800">
        <Switch
          label="Hide like count on this post"
          hint="Only you will see the total number of likes on this post. You can change this later from the ··· menu at the top of the post."
          checked={value.hideLikeCount}
          onChange={(hideLikeCount) => onChange({ ...value, hideLikeCount })}
        />
        <Switch
          label="Turn off commenting"
          hint="You can change this later from the ··· menu at the top of your post."
          checked={value.commentsOff}
          onChange={(commentsOff) => onChange({ ...value, commentsOff })}
        />
      </div>
    </details>
  );
}

type SwitchProps = {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
};

function Switch({ label, hint, checked, onChange }: SwitchProps) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-3">
      <div className="min-w-0">
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-neutral-500 dark:text-neutral-400">
          {hint}
        </p>
      </div>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
        className="relative mt-0.5 h-6 w-10 shrink-0 cursor-pointer appearance-none rounded-full bg-neutral-300 transition-colors before:absolute before:top-0.5 before:left-0.5 before:size-5 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-neutral-900 checked:before:translate-x-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-neutral-700 dark:checked:bg-white dark:before:bg-neutral-900 dark:checked:before:bg-neutral-900"
      />
    </div>
  );
}
