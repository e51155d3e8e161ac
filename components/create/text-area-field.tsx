import { type ReactNode, type TextareaHTMLAttributes, useId } from "react";
import { MentionTextarea } from "@/components/forms/mention-textarea";
import { formatCount } from "@/lib/shared/format";

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "value" | "onChange"> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  max: number;
  /** Shown when the text is longer than `max`. */
  overMessage: string;
  errors?: string[];
  /** Ids of other elements that describe the field (e.g. a shared explanation). */
  describedBy?: string;
  /** Suggest people after "@" and tags after "#" (captions). */
  mentions?: boolean;
};

/**
 * A labelled textarea with a live character counter. Typing past the limit is allowed (pasting
 * never loses text) but turns the counter red and announces the problem.
 */
export function TextAreaField({
  label,
  value,
  onChange,
  max,
  overMessage,
  errors = [],
  describedBy,
  mentions = false,
  className = "",
  ...rest
}: Props) {
  const id = useId();
  const over = value.length > max;
  const messages = over ? [overMessage, ...errors] : errors;
  const Field = mentions ? MentionTextarea : "textarea";
  const ids = [`${id}-count`, messages.length > 0 ? `${id}-error` : null, describedBy];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <Field
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={ids.filter(Boolean).join(" ")}
        className={`w-full resize-y rounded-md border border-neutral-300 bg-neutral-50 px-3 py-2 text-sm text-neutral-900 placeholder:text-neutral-400 focus:border-neutral-500 focus:bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500/40 aria-invalid:border-red-500 disabled:opacity-60 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:focus:border-neutral-400 dark:focus:bg-neutral-950 dark:aria-invalid:border-red-400 ${className}`}
        {...rest}
      />
      <div className="flex items-start justify-between gap-3 text-xs">
        <div className="min-w-0">
          {messages.length > 0 ? (
            <p id={`${id}-error`} role="alert" className="text-red-600 dark:text-red-400">
              {messages.join(" ")}
            </p>
          ) : null}
        </div>
        <p
          id={`${id}-count`}
          className={`shrink-0 tabular-nums ${
            over ? "font-semibold text-red-600 dark:text-red-400" : "text-neutral-500"
          }`}
        >
          {formatCount(value.length)}/{formatCount(max)}
          <span className="sr-only"> characters</span>
        </p>
      </div>
    </div>
  );
}
