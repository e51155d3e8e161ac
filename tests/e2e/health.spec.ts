import { expect, test } from "@playwright/test";
import { E2E_TEST_ONLY_AUTH_SECRET } from "./support/constants";

test("GET /api/health answers JSON with the database state and drivers, and no secrets", async ({
  request,
}) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const text = await response.text();
  const body = JSON.parse(text);
  expect(body.status).toBe("ok");
  expect(body.database).toMatchObject({ ok: true, driver: "pglite" });
  expect(body.drivers).toEqual({
    mail: "outbox",
    rateLimit: "memory",
    storage: "local",
    realtime: "embedded",
  });

  expect(text).not.toContain(E2E_TEST_ONLY_AUTH_SECRET);
  expect(text).not.toMatch(/postgres(ql)?:\/\//);
  expect(text).not.toMatch(/secret|password/i);
});
