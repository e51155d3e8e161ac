"use client";

import { useEffect } from "react";

/**
 * Marks <html data-hydrated> once React has hydrated, so browser tests act on a page whose
 * handlers are attached (a click on a form before that would submit it natively).
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
