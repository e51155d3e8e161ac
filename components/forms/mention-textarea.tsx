"use client";

import { useQuery } from "@tanstack/react-query";
import {
  type KeyboardEvent,
  type Ref,
  type TextareaHTMLAttributes,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { SearchOptionContent } from "@/components/search/search-option";
import {
  fetchSearch,
  type SearchOption,
  searchKey,
  tagOption,
  userOption,
} from "@/components/search/use-search";
import { insertChoice, type MentionToken, tokenAt } from "./mention-token";

const DEBOUNCE_MS = 150;
const MAX_OPTIONS = 6;

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value"> & {
  value: string;
  ref?: Ref<HTMLTextAreaElement>;
};

/** Sets a controlled textarea's value as typing would, so its owner's onChange sees it. */
function typeInto(el: HTMLTextAreaElement, value: string, caret: number) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
  setter?.call(el, value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.setSelectionRange(caret, caret);
}

/** The people (for "@…") or tags (for "#…") the search typeahead finds for the token. */
function useSuggestions(token: MentionToken | null): SearchOption[] {
  const q = token ? `${token.trigger}${token.text}` : "";
  const [debounced, setDebounced] = useState(q);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(q), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [q]);
  const { data } = useQuery({
    queryKey: searchKey(debounced),
    queryFn: ({ signal }) => fetchSearch(debounced, signal),
    enabled: debounced !== "" && debounced === q,
    staleTime: 30_000,
  });
  if (!token || debounced !== q || !data) return [];
  const options =
    token.trigger === "@"
      ? data.users.map(userOption)
      : data.tags.map((t) => tagOption(t.tag, t.postCount));
  return options.slice(0, MAX_OPTIONS);
}

/**
 * A textarea that suggests people after "@" and tags after "#" (the search typeahead's data),
 * with the combobox keyboard model: the textarea (a multi-line textbox, which may not take the
 * combobox role) controls the suggestions' listbox, the highlighted one is its
 * aria-activedescendant. Arrow keys move, Enter or Tab picks, Escape closes;
 * a click picks too. Otherwise it is a plain controlled <textarea> (same props, ref, onChange).
 */
export function MentionTextarea({ value, ref, onKeyDown, onBlur, className = "", ...rest }: Props) {
  const listId = useId();
  const inner = useRef<HTMLTextAreaElement | null>(null);
  const [token, setToken] = useState<MentionToken | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [above, setAbove] = useState(false);
  const options = useSuggestions(token);
  const tokenKey = token ? `${token.start}:${token.trigger}${token.text}` : null;
  const open = options.length > 0 && tokenKey !== dismissed;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  const setRefs = useCallback(
    (el: HTMLTextAreaElement | null) => {
      inner.current = el;
      if (typeof ref === "function") ref(el);
      else if (ref) (ref as { current: HTMLTextAreaElement | null }).current = el;
    },
    [ref],
  );

  const readToken = useCallback(() => {
    const el = inner.current;
    if (!el || el.selectionStart !== el.selectionEnd) return setToken(null);
    setToken(tokenAt(el.value, el.selectionStart));
  }, []);

  // The text changes (typing, or its owner clearing it after a post): find the token again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the value changes
  useEffect(() => {
    if (document.activeElement === inner.current) readToken();
    else setToken(null);
  }, [value, readToken]);

  // A new token starts at its first option; the list opens where there is room for it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on a new token only
  useEffect(() => {
    setActive(0);
    const box = inner.current?.getBoundingClientRect();
    if (box) setAbove(window.innerHeight - box.bottom < 280 && box.top > window.innerHeight / 2);
  }, [tokenKey]);

  const pick = (option: SearchOption) => {
    const el = inner.current;
    if (!el || !token) return;
    const name = option.kind === "user" ? option.user.username : option.tag;
    const next = insertChoice(el.value, token, name);
    typeInto(el, next.value, next.caret);
    setToken(null);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && !event.nativeEvent.isComposing) {
      const choice = options[activeIndex];
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((activeIndex + step + options.length) % options.length);
        return;
      }
      if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && choice) {
        event.preventDefault();
        pick(choice);
        return;
      }
      if (event.key === "Escape") {
        // Closes the list only, not a dialog around the field.
        event.preventDefault();
        event.stopPropagation();
        setDismissed(tokenKey);
        return;
      }
    }
    onKeyDown?.(event);
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="relative min-w-0 flex-1">
      <textarea
        {...rest}
        ref={setRefs}
        value={value}
        // A textarea may not take the combobox role (ARIA in HTML): it stays a multi-line
        // textbox that announces its suggestions list (aria-autocomplete, aria-controls) and the
        // option picked with the arrow keys (aria-activedescendant); the live region says how many.
        aria-autocomplete="list"
        aria-haspopup="listbox"
        aria-controls={listId}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        onKeyDown={handleKeyDown}
        onSelect={readToken}
        onClick={readToken}
        onBlur={(event) => {
          setToken(null);
          onBlur?.(event);
        }}
        className={`block w-full ${className}`}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={token?.trigger === "#" ? "Hashtag suggestions" : "People suggestions"}
        hidden={!open}
        className={`absolute right-0 left-0 z-30 max-h-72 overflow-y-auto rounded-lg border border-neutral-200 bg-white py-1 shadow-lg dark:border-neutral-700 dark:bg-neutral-900 ${above ? "bottom-full mb-1" : "top-full mt-1"}`}
      >
        {open
          ? options.map((option, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox's (above)
              <div
                key={option.key}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === activeIndex}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(option)}
                onMouseMove={() => setActive(i)}
                className={`flex cursor-pointer items-center gap-3 px-3 py-2 text-left ${i === activeIndex ? "bg-neutral-50 shadow-[inset_3px_0_0_var(--color-sky-600)] dark:bg-neutral-900" : ""}`}
              >
                <SearchOptionContent option={option} />
              </div>
            ))
          : null}
      </div>
      <p className="sr-only" aria-live="polite">
        {open
          ? `${options.length} ${options.length === 1 ? "suggestion" : "suggestions"}. Use the arrow keys and Enter to pick.`
          : ""}
      </p>
    </div>
  );
}
