"use client";

import { useRef, useState } from "react";
import { BlockDialog } from "./block-dialog";

type BlockButtonProps = {
  person: { id: string; username: string };
  /** "inline": small bold text, as a comment's Delete and Report; "pill": a list row's button. */
  variant?: "inline" | "pill";
};

const styles = {
  inline:
    "font-semibold hover:text-neutral-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:text-neutral-100",
  pill: "inline-flex h-8 shrink-0 items-center rounded-lg bg-neutral-100 px-3 text-sm font-semibold text-red-600 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-neutral-800 dark:text-red-400 dark:hover:bg-neutral-700",
};

/** "Block" that asks first (BlockDialog); from a comment or the owner's followers list. */
export function BlockButton({ person, variant = "inline" }: BlockButtonProps) {
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="dialog"
        aria-label={`Block ${person.username}`}
        onClick={() => setOpen(true)}
        className={styles[variant]}
      >
        Block
      </button>
      <BlockDialog
        open={open}
        onClose={() => setOpen(false)}
        person={person}
        returnFocusRef={trigger}
      />
    </>
  );
}
