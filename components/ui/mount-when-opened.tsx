"use client";

import { type ReactNode, useState } from "react";

/**
 * Renders `children` from the first time `open` is true on, and keeps them mounted after. Wraps
 * dialogs loaded with next/dynamic: their code is fetched when first opened, not with the page.
 */
export function MountWhenOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? children : null;
}
