"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toResult, unwrap } from "@/components/forms/action-result";
import { setBlockAction, setMuteAction } from "@/lib/relations/actions";
import type { SetBlockInput, SetMuteInput } from "@/lib/relations/validation";

// Block and mute from anywhere (profile menu, a comment, the followers list, Settings): after the
// server answers, every cached list is refetched and the server page re-rendered, so posts,
// comments and people across the block (or muted) leave the screen at once.

function useRefreshEverything() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries();
    router.refresh();
  };
}

export function useSetBlock(onDone?: (blocked: boolean) => void) {
  const refresh = useRefreshEverything();
  return useMutation({
    mutationFn: async (input: SetBlockInput) => unwrap(toResult(await setBlockAction(input))),
    onSuccess: ({ blocked }) => {
      refresh();
      onDone?.(blocked);
    },
  });
}

export function useSetMute(onDone?: (muted: { posts: boolean; comments: boolean }) => void) {
  const refresh = useRefreshEverything();
  return useMutation({
    mutationFn: async (input: SetMuteInput) => unwrap(toResult(await setMuteAction(input))),
    onSuccess: (muted) => {
      refresh();
      onDone?.(muted);
    },
  });
}
