import { bigint, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestampMs, uuidPk } from "./columns";
import { userRef, users } from "./users";

// Two-factor sign-in (TOTP). One row per account that started enrolment: `enabled_at` is null
// until a first code confirmed the secret. The secret is stored encrypted (AES-256-GCM, key
// derived from the app's secret: lib/auth/two-factor-crypto.ts), never in the clear.
export const userTwoFactor = pgTable("user_two_factor", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEnc: text("secret_enc").notNull(),
  enabledAt: timestampMs("enabled_at"),
  // The time step of the last code accepted: a code of that step or an earlier one is refused.
  lastStep: bigint("last_step", { mode: "number" }),
  // The moment the last second step succeeded: sign-in tickets issued before it are spent.
  lastVerifiedAt: timestampMs("last_verified_at"),
  createdAt: createdAt(),
});

// Ten single-use recovery codes per enrolment, stored as SHA-256 hashes (each is 50 random bits).
export const twoFactorRecoveryCodes = pgTable(
  "two_factor_recovery_codes",
  {
    id: uuidPk(),
    userId: userRef("user_id"),
    codeHash: text("code_hash").notNull(),
    usedAt: timestampMs("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("two_factor_recovery_codes_user_idx").on(t.userId)],
);

export type UserTwoFactor = typeof userTwoFactor.$inferSelect;
