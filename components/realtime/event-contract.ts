import type * as EventContract from "@/lib/realtime/types";

// The event contract (lib/realtime/types: zod schemas) is loaded with pusher-js, not with the
// page: no event can arrive before the client exists, and the client is created only after both
// have loaded (realtime-provider.tsx). Until then every payload is dropped, as a malformed one is.

type Contract = typeof EventContract;
let contract: Contract | null = null;

/** Loads the schemas once; the realtime provider awaits this before it connects. */
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
