import type * as EventContract from "@/lib/realtime/types";

// The event contract (lib/realtime/types: zod schemas) is loaded at the first event the tab hears,
// not with the page or pusher-js: the channel hub holds events back until it has loaded
// (ChannelHub's `prepare`, realtime-provider.tsx). Before then a payload is dropped, as a
// malformed one is.

type Contract = typeof EventContract;
let contract: Contract | null = null;

/** Loads the schemas once; the channel hub awaits this before it delivers the first event. */
export async function loadEventContract(): Promise<Contract> {
  if (!contract) {
    // zod goes jitless before any schema exists (zod-jitless.ts), then the schemas load.
    await import("./zod-jitless");
    contract = await import("@/lib/realtime/types");
  }
  return contract;
}

/** parsePostEvent of lib/realtime/types once loaded; null before (the event is dropped). */
export const parsePostEvent: Contract["parsePostEvent"] = (event, data) =>
  contract ? contract.parsePostEvent(event, data) : null;

/** parseUserEvent of lib/realtime/types once loaded; null before (the event is dropped). */
export const parseUserEvent: Contract["parseUserEvent"] = (event, data) =>
  contract ? contract.parseUserEvent(event, data) : null;
