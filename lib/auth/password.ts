import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP-recommended minimums (19 MiB, 2 passes).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Verifying against a fixed hash when the user is unknown keeps both failures equally slow.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string) {
  dummyHash ??= hashPassword("not-a-real-password");
  const target = storedHash ?? (await dummyHash);
  try {
    const valid = await verify(target, password);
    return storedHash !== null && valid;
  } catch {
    return false;
  }
}
