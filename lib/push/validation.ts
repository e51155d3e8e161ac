import { z } from "zod";
import { PUSH_KIND_KEYS } from "./kinds";

// What the browser sends when it subscribes (PushSubscription.toJSON()) and the settings forms.

const base64url = (name: string, min: number, max: number) =>
  z
    .string({ message: `${name} is required` })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { message: `${name} must be base64url` })
    .min(min, { message: `${name} is too short` })
    .max(max, { message: `${name} is too long` });

export const pushSubscriptionSchema = z.object({
  endpoint: z
    .url({ message: "endpoint must be the push service's URL", protocol: /^https?$/ })
    .max(2048, { message: "endpoint is too long" }),
  keys: z.object({
    p256dh: base64url("p256dh", 80, 100),
    auth: base64url("auth", 16, 32),
  }),
});

export const pushDeviceSchema = z.object({
  id: z.uuid({ message: "Choose a device." }),
});

export const pushKindSchema = z.object({
  kind: z.enum(PUSH_KIND_KEYS, { message: "Choose a kind of notification." }),
  enabled: z.boolean({ message: "enabled must be true or false" }),
});
