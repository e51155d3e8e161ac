"use client";

import { X } from "lucide-react";
import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";

type DialogProps = {
  open: boolean;
  /** Called on Escape, the close button or a click on the backdrop (unless `busy`). */
  onClose: () => void;
  title: string;
  /** Visually hidden title (the content shows its own heading). */
  hideTitle?: boolean;
  description?: ReactNode;
  children: ReactNode;
  /** While an action runs the dialog cannot be dismissed. */
  busy?: boolean;
  /** Where focus goes when the dialog closes; by default the element focused before it opened. */
  returnFocusRef?: RefObject<HTMLElement | null>;
  showCloseButton?: boolean;
  className?: string;
};

/**
 * A modal on the native <dialog> (showModal): focus is trapped and the rest of the page is inert,
 * Escape closes it, focus returns to the opener. Children mount only while it is open, so every
 * opening starts from fresh state. Mark the field to focus first with `data-autofocus`.
 */
export function Dialog({
  open,
  onClose,
  title,
  hideTitle = false,
  description,
  children,
  busy = false,
  returnFocusRef,
  showCloseButton = true,
  className = "max-w-md",
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first focusable element; a field marked data-autofocus wins.
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = overflow;
      if (dialog.open) dialog.close();
      const target = returnFocusRef?.current ?? opener.current;
      if (target?.isConnected) target.focus();
    };
  }, [open, returnFocusRef]);

  const requestClose = () => {
    if (!busyRef.current) onCloseRef.current();
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop; Escape is the keyboard way
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: keep the <dialog> open and let the owner's state close it.
        event.preventDefault();
        requestClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) requestClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] overflow-visible rounded-xl bg-transparent p-0 text-neutral-900 backdrop:bg-black/60 backdrop:backdrop-blur-[2px] dark:text-neutral-100 ${className}`}
    >
      {open ? (
        <div className="relative max-h-[calc(100dvh-2rem)] overflow-y-auto rounded-xl bg-white shadow-2xl dark:bg-neutral-900">
          <div
            className={
              hideTitle
                ? "sr-only"
                : "border-b border-neutral-200 px-12 py-3 text-center dark:border-neutral-800"
            }
          >
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
          </div>
          {description ? (
            <div
              id={descriptionId}
              className="px-6 pt-4 text-center text-sm text-neutral-500 dark:text-neutral-400"
            >
              {description}
            </div>
          ) : null}
          {showCloseButton ? (
            <button
              type="button"
              onClick={requestClose}
              disabled={busy}
              aria-label="Close"
              className="absolute top-1.5 right-1.5 inline-flex size-9 items-center justify-center rounded-full text-neutral-600 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-40 dark:text-neutral-300 dark:hover:bg-neutral-800"
            >
              <X aria-hidden="true" className="size-5" />
            </button>
          ) : null}
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
