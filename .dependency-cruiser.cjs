// Dependency rules checked by `npm run lint:deps` (dependency-cruiser). See docs/ARCHITECTURE.md:
// features depend on the kernel (lib/shared, lib/result.ts, lib/pagination) and on features below
// them, never in a circle; db/ never depends on lib/; UI code reads data through lib/, not db/.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycle",
      severity: "error",
      comment:
        "lib/* folders must form a layered graph: move what two features share into lib/shared " +
        "(or the lower feature) instead of importing each other.",
      scope: "folder",
      from: { path: "^lib/" },
      to: { circular: true },
    },
    {
      name: "no-module-cycle",
      severity: "error",
      comment: "No module may (indirectly) import itself.",
      from: {},
      to: { circular: true },
    },
    {
      name: "db-not-lib",
      severity: "error",
      comment: "db/ (schema, migrations, client) sits below lib/ and must not import it.",
      from: { path: "^db/" },
      to: { path: "^lib/" },
    },
    {
      name: "components-not-db",
      severity: "error",
      comment:
        "Components get data through lib/ (actions, queries), never from the database layer.",
      from: { path: "^components/" },
      to: { path: ["^db/", "^lib/db\\.ts$", "^node_modules/drizzle-orm/"] },
    },
    {
      name: "pages-not-db",
      severity: "error",
      comment:
        "Pages and layouts read through lib/<feature>/queries.ts, never db/ or drizzle directly.",
      from: { path: "^app/.*/(page|layout|loading|error|not-found|template|default)\\.tsx?$" },
      to: { path: ["^db/", "^node_modules/drizzle-orm/"] },
    },
    {
      name: "no-orphans-lib",
      severity: "error",
      comment: "A lib/ module nobody imports is dead code: delete it or use it.",
      from: { orphan: true, path: "^lib/", pathNot: "\\.d\\.ts$" },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // The seed scripts (db/seed*.ts) are entry points like scripts/: they call the features'
    // services to create demo data, so they sit above lib/ and are not part of the db layer.
    exclude: { path: ["^\\.next/", "^node_modules/", "^\\.sst/", "^db/seed[^/]*\\.ts$"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
