// Runs inside a copy of the OpenNext server function, in a folder outside the repository, so it
// can resolve only what the bundle holds. Imports the bundle's index.mjs as Lambda would and
// answers the parent's invocations over IPC: { id, event } -> { id, result } | { id, error }.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";

const started = Date.now();
let mod;
try {
  mod = await import(pathToFileURL(path.join(process.cwd(), "index.mjs")).href);
} catch (error) {
  process.send({ ready: false, error: String(error?.stack ?? error) });
  process.exit(1);
}
process.send({ ready: true, ms: Date.now() - started });

process.on("message", async ({ id, event, probe }) => {
  try {
    if (probe) {
      // Resolve a package the way the bundle's own code would (from the bundle's folder).
      const { createRequire } = await import("node:module");
      const require = createRequire(path.join(process.cwd(), "index.mjs"));
      const loaded = await import(pathToFileURL(require.resolve(probe)).href);
      const value = loaded.default ?? loaded;
      process.send({ id, result: { resolved: require.resolve(probe), keys: Object.keys(value) } });
      return;
    }
    const context = {
      awsRequestId: randomUUID(),
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      getRemainingTimeInMillis: () => 20_000,
      callbackWaitsForEmptyEventLoop: false,
    };
    const result = await mod.handler(event, context);
    process.send({ id, result });
  } catch (error) {
    process.send({ id, error: String(error?.stack ?? error) });
  }
});
