"use client";

import dynamic from "next/dynamic";

/**
 * The banner's "Resend", in its own chunk: the banner sits in the layout of every signed-in page
 * but shows only until the address is verified, and its button brings next-safe-action's hooks,
 * which most pages never use. Still rendered on the server: the chunk comes with the banner.
 */
export const LazyResendVerificationButton = dynamic(() =>
  import("./resend-verification-button").then((m) => m.ResendVerificationButton),
);
