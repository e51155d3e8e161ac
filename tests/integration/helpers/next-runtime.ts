import { vi } from "vitest";

// The Next.js request around a server action, for tests that call real actions (see actions.ts).
// Import this module FIRST in the test file (`import "./helpers/next-runtime";`): the stubs must
// be in place before any module that imports next/headers, next/cache or next/server loads.

const request = vi.hoisted(() => ({
  cookies: new Map<string, string>(),
  /** Cookies the app set during the call: name -> value ("" when it cleared one). */
  setByApp: new Map<string, string>(),
  headers: new Headers(),
  afterTasks: [] as (() => unknown)[],
}));

vi.mock("next/headers", () => {
  const jar = {
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    get: (name: string) => {
      const value = request.cookies.get(name);
      return value === undefined ? undefined : { name, value };
    },
    has: (name: string) => request.cookies.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      const c = typeof name === "string" ? { name, value: value ?? "" } : name;
      request.setByApp.set(c.name, c.value);
      if (c.value) request.cookies.set(c.name, c.value);
      else request.cookies.delete(c.name);
      return jar;
    },
    delete: (name: string) => {
      request.cookies.delete(name);
      return jar;
    },
  };
  return {
    cookies: async () => jar,
    headers: async () => {
      const h = new Headers(request.headers);
      const cookie = [...request.cookies].map(([n, v]) => `${n}=${v}`).join("; ");
      if (cookie) h.set("cookie", cookie);
      return h;
    },
  };
});

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  refresh: vi.fn(),
}));

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => {
    request.afterTasks.push(task);
  },
}));

export { request };
