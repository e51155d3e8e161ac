"use client";

import { type ComponentProps, type ComponentType, useEffect, useRef, useState } from "react";
import { CommentsOffNotice, commentBoxProps } from "./comment-box";
import type { CommentForm as CommentFormType } from "./comment-form";

type Props = Omit<ComponentProps<typeof CommentFormType>, "initialText" | "focusOnMount"> & {
  /** The textarea's id (the action bar's comment button focuses it). */
  inputId: string;
};
type Loaded = { Form: ComponentType<ComponentProps<typeof CommentFormType>> };

let loading: Promise<Loaded> | null = null;
/** The real form's code, fetched once for every card. */
function loadForm(): Promise<Loaded> {
  loading ??= import("./comment-form").then((m) => ({ Form: m.CommentForm }));
  return loading;
}

// The first touch, key, wheel or scroll anywhere fetches the form's code, so it is there before
// anyone reaches a comment box; a page that is only looked at (or measured) never pays for it.
const FIRST_INPUT = ["pointerdown", "keydown", "wheel", "touchstart", "scroll"] as const;
let armed = false;
function loadOnFirstInput() {
  if (armed || typeof window === "undefined") return;
  armed = true;
  const go = () => {
    for (const type of FIRST_INPUT) window.removeEventListener(type, go, true);
    void loadForm();
  };
  for (const type of FIRST_INPUT)
    window.addEventListener(type, go, { capture: true, passive: true });
}

/**
 * The feed card's comment box. A feed holds a dozen of them and almost none is used, so the card
 * renders a plain look-alike textarea (same id, label and place) and the real form — mention
 * autocomplete, the optimistic post, the error handling — replaces it the moment it is focused,
 * tapped or typed into, with what was typed and the focus carried over. Hydrating the feed then
 * runs no form hooks and measures no textarea heights.
 */
export function DeferredCommentForm(props: Props) {
  const { inputId, commentsOff = false, className = "" } = props;
  const draft = useRef<HTMLTextAreaElement>(null);
  const [loaded, setLoaded] = useState<(Loaded & { text: string; focused: boolean }) | null>(null);

  useEffect(loadOnFirstInput, []);
  const box = commentBoxProps(props.compact ?? false);

  const activate = () => {
    void loadForm().then(({ Form }) => {
      const el = draft.current;
      setLoaded({
        Form,
        text: el?.value ?? "",
        focused: el !== null && el === document.activeElement,
      });
    });
  };

  if (commentsOff) return <CommentsOffNotice className={className} />;
  if (loaded) {
    const { Form, text, focused } = loaded;
    return <Form {...props} initialText={text} focusOnMount={focused} />;
  }
  return (
    <form noValidate onSubmit={(event) => event.preventDefault()} className={className}>
      <div className="flex items-end gap-2">
        <div className="relative min-w-0 flex-1">
          <textarea
            ref={draft}
            id={inputId}
            {...box}
            // A press only starts the download: the swap waits for the focus it brings, so the
            // real box takes it over (swapping on press would drop the press's focus).
            onPointerDown={() => void loadForm()}
            onFocus={activate}
            onInput={activate}
            onKeyDown={(event) => {
              // Enter posts in the real form; here it waits for it rather than adding a line.
              if (event.key === "Enter" && !event.shiftKey) event.preventDefault();
            }}
            className={`block w-full ${box.className}`}
          />
        </div>
      </div>
      <div role="alert" className="text-xs text-red-600 dark:text-red-400" />
    </form>
  );
}
