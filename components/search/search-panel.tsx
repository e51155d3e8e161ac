"use client";

import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { type RefObject, useEffect, useRef, useState } from "react";

// The box (search as you type, recent searches) is fetched the first time the panel opens: every
// page has the panel in its nav, few pages see it opened.
const SearchBox = dynamic(() => import("./search-box").then((m) => m.SearchBox), { ssr: false });

type SearchPanelProps = {
  id: string;
  open: boolean;
  onClose: () => void;
  /** the nav button that opens the panel: focus returns there, clicks on it are not "outside" */
  trigger: RefObject<HTMLElement | null>;
};

/**
 * Instagram's desktop search (768 px and up): a panel that slides out from the nav rail with the
 * search box and its results. Escape, a click outside or opening a result closes it; focus goes
 * to the box on opening and back to the nav button on closing with Escape.
 */
export function SearchPanel({ id, open, onClose, trigger }: SearchPanelProps) {
  const panel = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // Mounted from the first opening on, so closing slides out with its content.
  const [used, setUsed] = useState(open);
  if (open && !used) setUsed(true);

  useEffect(() => {
    if (!open) return;
    const frame = window.requestAnimationFrame(() => input.current?.focus());
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (panel.current?.contains(target) || trigger.current?.contains(target)) return;
      onClose();
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== "Escape") return;
      onClose();
      trigger.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      window.cancelAnimationFrame(frame);
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open, onClose, trigger]);

  // Following a link elsewhere (a result, the nav) closes the panel.
  const pathname = usePathname();
  const [seenPath, setSeenPath] = useState(pathname);
  if (seenPath !== pathname) {
    setSeenPath(pathname);
    if (open) onClose();
  }

  return (
    <div
      ref={panel}
      id={id}
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      className={`fixed inset-y-0 left-[72px] z-20 hidden w-[397px] max-w-[calc(100vw-72px)] flex-col rounded-r-2xl border-r border-neutral-200 bg-white shadow-[4px_0_24px_rgb(0_0_0/0.12)] duration-300 ease-out motion-reduce:transition-none md:flex xl:left-[244px] dark:border-neutral-800 dark:bg-black ${
        // Visible at once when opening (so the box can take focus), hidden after sliding out.
        open
          ? "visible translate-x-0 transition-[translate]"
          : "invisible -translate-x-full transition-[translate,visibility]"
      }`}
    >
      <h2 id={`${id}-title`} className="px-6 pt-6 pb-8 text-2xl font-semibold">
        Search
      </h2>
      {used ? (
        <SearchBox variant="inline" inputRef={input} onNavigate={onClose} autoFocus={open} />
      ) : null}
    </div>
  );
}
