"use client";

import dynamic from "next/dynamic";

/**
 * The empty feed's suggestions, in their own chunk: the home page imports both the feed and this
 * panel, and only a new account with no posts to show needs the panel (and its follow buttons).
 * Still rendered on the server (the chunk comes with the page only when the panel is shown).
 */
export const LazySuggestionsPanel = dynamic(() =>
  import("./suggestions-panel").then((m) => m.SuggestionsPanel),
);
