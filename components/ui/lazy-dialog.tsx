"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { Dialog } from "./dialog";
import { MountWhenOpened } from "./mount-when-opened";

const LoadedDialog = dynamic(() => import("./dialog").then((m) => m.Dialog), { ssr: false });

/** Dialog (same props) whose code is fetched the first time it opens, not with the page. */
export function LazyDialog(props: ComponentProps<typeof Dialog>) {
  return (
    <MountWhenOpened open={props.open}>
      <LoadedDialog {...props} />
    </MountWhenOpened>
  );
}
