import { config } from "zod/mini";

// Evaluated before the event schemas are built (event-contract.ts imports it first): without
// `jitless` zod probes `new Function` once, which the page's CSP (no 'unsafe-eval') blocks and
// reports as a violation. A module of its own so that only `config` is taken from zod here.
config({ jitless: true });
