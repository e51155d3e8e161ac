"use client";

import { CircleX, Loader2, Search } from "lucide-react";
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { SearchOptionContent } from "./search-option";
import { useSearch } from "./use-search";

type SearchBoxProps = {
  /**
   * "popover": the list floats under the input while it has focus (the explore page on phones);
   * "inline": the list always fills the space below (the desktop search panel).
   */
  variant: "popover" | "inline";
  /** Called after an option was chosen (the panel closes). */
  onNavigate?: () => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** Focus the input once mounted (the panel's box, whose code arrives after the panel opened). */
  autoFocus?: boolean;
};

/**
 * Search as you type, as an ARIA combobox: the input owns a listbox of people and tags (recent
 * searches while it is empty). Arrow keys move through the options, Enter opens the active one,
 * Escape closes the list (in the panel, the panel). Results are fetched 200 ms after typing stops.
 */
export function SearchBox({ variant, onNavigate, inputRef, autoFocus = false }: SearchBoxProps) {
  const ownRef = useRef<HTMLInputElement>(null);
  const input = inputRef ?? ownRef;
  const listId = useId();
  const statusId = useId();
  const [focused, setFocused] = useState(variant === "inline");
  const [active, setActive] = useState(-1);
  const inline = variant === "inline";
  const search = useSearch(inline || focused);
  const { value, options, showingRecent, loading } = search;
  const expanded = inline || focused;

  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount only
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, []);

  // A new list starts with nothing active.
  const optionKeys = options.map((o) => o.key).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the options change
  useEffect(() => setActive(-1), [optionKeys]);

  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active < 0) return;
    listRef.current?.children[active]?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    search.choose(option);
    // The next search starts afresh, with this one among the recent searches.
    search.setValue("");
    setFocused(false);
    input.current?.blur();
    onNavigate?.();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = options.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setFocused(true);
      if (n === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : n - 1) : (i + step + n) % n));
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(Math.max(active, 0));
    } else if (e.key === "Escape") {
      if (!inline && focused) {
        e.preventDefault();
        e.stopPropagation();
        setFocused(false);
        setActive(-1);
      } else if (active >= 0) {
        e.stopPropagation();
        setActive(-1);
      }
    }
  };

  const status = loading
    ? "Searching…"
    : search.failed
      ? "Search is not available right now."
      : showingRecent
        ? options.length === 0
          ? "No recent searches."
          : ""
        : options.length === 0
          ? "No results found."
          : `${options.length} ${options.length === 1 ? "result" : "results"}`;

  const list = (
    <div
      className={
        inline
          ? "flex min-h-0 flex-1 flex-col"
          : "absolute inset-x-0 top-full z-30 mt-2 flex max-h-[70dvh] flex-col overflow-hidden rounded-xl border border-neutral-200 bg-white shadow-xl dark:border-neutral-800 dark:bg-neutral-950"
      }
    >
      {showingRecent && options.length > 0 ? (
        <div className="flex items-center justify-between px-4 pt-3 pb-1">
          <p className="text-base font-semibold">Recent</p>
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void search.clearRecent()}
            className="rounded-sm text-sm font-semibold text-sky-600 hover:text-sky-800 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400"
          >
            Clear all
          </button>
        </div>
      ) : null}
      {search.clearError ? (
        <p role="alert" className="px-4 py-1 text-sm text-red-600">
          {search.clearError}
        </p>
      ) : null}
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={showingRecent ? "Recent searches" : "Search results"}
        className={options.length > 0 ? "min-h-0 flex-1 overflow-y-auto py-1" : ""}
      >
        {options.map((option, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys
          <div
            key={option.key}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => setActive(i)}
            onClick={() => choose(i)}
            className={`flex cursor-pointer items-center gap-3 px-4 py-2 ${
              i === active ? "bg-neutral-100 dark:bg-neutral-900" : ""
            }`}
          >
            <SearchOptionContent option={option} />
          </div>
        ))}
      </div>
      <p
        id={statusId}
        role="status"
        className={
          status && (options.length === 0 || loading)
            ? "flex items-center justify-center gap-2 px-4 py-6 text-sm text-neutral-500 dark:text-neutral-400"
            : "sr-only"
        }
      >
        {loading ? <Loader2 aria-hidden="true" className="size-4 animate-spin" /> : null}
        {status}
      </p>
    </div>
  );

  return (
    <div className={inline ? "flex min-h-0 flex-1 flex-col" : "relative"}>
      <div className={inline ? "px-4 pb-4" : ""}>
        <div className="relative">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-neutral-500"
          />
          <input
            ref={input}
            type="search"
            role="combobox"
            aria-label="Search people and tags"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-describedby={statusId}
            aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={100}
            placeholder="Search"
            value={value}
            onChange={(e) => {
              search.setValue(e.target.value);
              setFocused(true);
            }}
            onFocus={() => setFocused(true)}
            onBlur={() => !inline && setFocused(false)}
            onKeyDown={onKeyDown}
            className="h-10 w-full rounded-lg bg-neutral-100 pr-9 pl-9 text-base outline-none placeholder:text-neutral-500 focus-visible:ring-2 focus-visible:ring-sky-500 md:text-sm dark:bg-neutral-800 [&::-webkit-search-cancel-button]:hidden"
          />
          {value ? (
            <button
              type="button"
              aria-label="Clear search"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                search.setValue("");
                input.current?.focus();
              }}
              className="group absolute top-1/2 right-2 inline-flex size-6 -translate-y-1/2 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-sky-500"
            >
              <CircleX
                aria-hidden="true"
                className="size-4 fill-neutral-400 stroke-white group-hover:fill-neutral-500 dark:fill-neutral-500 dark:stroke-neutral-900"
              />
            </button>
          ) : null}
        </div>
      </div>
      {expanded ? list : null}
    </div>
  );
}
