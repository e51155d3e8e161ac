// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or to the embedded PGlite database.
import { openDatabase } from "../db/client";

const url = process.env.DATABASE_URL || undefined;
const database = openDatabase({ url, pgliteDir: process.env.PGLITE_DIR || ".data/pglite" });
await database.migrate();
await database.close();
console.log(`migrations applied (${database.driver})`);
