/// <reference path="./.sst/platform/config.d.ts" />

// The AWS stack (SST v3, pinned in package.json; see DEPLOY.md): a CloudFront router in front of
// the Next.js server function (OpenNext, with sharp and argon2 in its bundle: open-next.config.ts),
// RDS PostgreSQL behind an RDS Proxy in a VPC, a migrator invoked by every deploy, a maintenance
// cron, a private S3 bucket for photos served through the router, SES for mail, and the secrets,
// linked (read with the SST SDK in lib/env/sst-resources.ts), never copied into environment.
// Set the secrets once per stage (DEPLOY.md):
//   npx sst secret set AuthSecret "$(openssl rand -base64 32)" --stage production
//   npx sst secret set HealthToken "$(openssl rand -hex 24)" --stage production
//   npx sst secret set OriginSecret "$(openssl rand -hex 24)" --stage production
//   npx sst secret set SmtpUrl "smtps://USER:PASS@email-smtp.eu-west-1.amazonaws.com:465" --stage production
//   npx sst secret set PusherAppId 123456 --stage production   (and PusherKey, PusherSecret,
//   PusherCluster from the Pusher Channels app's keys page)

/** The SST version this config is written and tested against (package.json pins the same). */
const SST_VERSION = "3.19.3";
const REGION = "eu-west-1";
/**
 * The public domain of each stage (a Route 53 hosted zone in this account must hold it).
 * REPLACE these with your own before the first deploy. Other stages (pr-*, personal) use the
 * router's CloudFront URL.
 */
const DOMAINS: Record<string, string> = {
  production: "snapgram.example.com",
  staging: "staging.snapgram.example.com",
};
/** Who gets the CloudWatch alarms (SNS e-mail; confirm the subscription mail once). REPLACE. */
const ALERT_EMAILS: Record<string, string> = {
  production: "ops@snapgram.example.com",
  staging: "ops@snapgram.example.com",
};
/** x86_64 everywhere: open-next.config.ts installs sharp and argon2 for linux-x64-glibc. */
const ARCHITECTURE = "x86_64";
const RUNTIME = "nodejs22.x";
/** The header the router's viewer-request function writes the viewer's address into. */
const CLIENT_IP_HEADER = "x-viewer-address";
/** The header the router writes the OriginSecret into (lib/http/origin-guard.ts reads it). */
const ORIGIN_SECRET_HEADER = "x-origin-verify";

export default $config({
  app(input) {
    return {
      name: "snapgram",
      version: SST_VERSION,
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: ["production"].includes(input?.stage),
      home: "aws",
      providers: { aws: { region: REGION } },
    };
  },
  async run() {
    const isProduction = $app.stage === "production";
    const domain = DOMAINS[$app.stage];
    const appUrl = (router: sst.aws.Router) => (domain ? `https://${domain}` : router.url);

    // `bastion` gives operators `npx sst tunnel` to the database (DEPLOY.md).
    const vpc = new sst.aws.Vpc("Vpc", {
      nat: isProduction ? "managed" : "ec2",
      bastion: true,
    });

    // TLS is required at both hops (app -> proxy, proxy -> instance); the app connects through
    // the proxy (Database.host is the proxy endpoint) with sslmode=verify-full.
    const database = new sst.aws.Postgres("Database", {
      vpc,
      database: "snapgram",
      version: "17.5",
      proxy: true,
      transform: {
        parameterGroup: (args) => {
          args.parameters = [
            { name: "rds.force_ssl", value: "1" },
            { name: "rds.logical_replication", value: "1", applyMethod: "pending-reboot" },
          ];
        },
        proxy: (args) => {
          args.requireTls = true;
        },
        instance: (args) => {
          if (!isProduction) return;
          args.deletionProtection = true;
          args.skipFinalSnapshot = false;
          args.finalSnapshotIdentifier = `snapgram-${$app.stage}-final`;
          args.backupRetentionPeriod = 14;
        },
      },
    });

    // Private bucket: only CloudFront reads it, and only under posts/ and avatars/ (routed below);
    // the uploads/ originals (with their GPS metadata) are never served, and expire after a day
    // even if the sweep in the Maintenance cron missed them.
    const photos = new sst.aws.Bucket("Photos", {
      access: "cloudfront",
      cors: {
        allowHeaders: ["*"],
        allowMethods: ["GET", "HEAD", "PUT"],
        allowOrigins: domain ? [`https://${domain}`] : ["*"],
        maxAge: "1 day",
      },
      lifecycle: [
        { id: "expire-uploads", prefix: "uploads/", expiresIn: "1 day" },
        // Data exports are deleted by maintenance after their 7 days; this is the safety net.
        { id: "expire-exports", prefix: "exports/", expiresIn: "8 days" },
      ],
    });

    const secrets = {
      auth: new sst.Secret("AuthSecret"),
      smtp: new sst.Secret("SmtpUrl"),
      health: new sst.Secret("HealthToken"),
      // Written by the router into every request it forwards; the app refuses requests without it
      // (proxy.ts), so the server function's public URL is useless around CloudFront.
      origin: new sst.Secret("OriginSecret"),
      // Live updates over Pusher Channels (the embedded soketi is for laptops only).
      pusherAppId: new sst.Secret("PusherAppId"),
      pusherKey: new sst.Secret("PusherKey"),
      pusherSecret: new sst.Secret("PusherSecret"),
      pusherCluster: new sst.Secret("PusherCluster"),
    };

    // SES identity for the sender domain (DKIM records in Route 53). The app sends through SES's
    // SMTP interface (SmtpUrl holds SES SMTP credentials: DEPLOY.md). Without a domain: no mail.
    const email = domain ? new sst.aws.Email("Email", { sender: domain }) : undefined;

    // The router's URL is known before the site exists, so e-mailed links can use it.
    // The viewer's address for per-address limits: this viewer-request function overwrites
    // x-viewer-address on every request (a copy sent by the client is replaced), and the app reads
    // only that header (CLIENT_IP_HEADER below). X-Forwarded-For starts with whatever the client
    // wrote, and the router's origin request policy (AllViewerExceptHostHeader) does not forward
    // CloudFront-Viewer-Address. The same function writes the OriginSecret (a viewer's copy is
    // overwritten): the app answers 403 without it, so the function URL is closed to the public.
    const router = new sst.aws.Router("Router", {
      ...(domain ? { domain } : {}),
      edge: {
        viewerRequest: {
          injection: $interpolate`event.request.headers["${CLIENT_IP_HEADER}"] = { value: event.viewer.ip };
event.request.headers["${ORIGIN_SECRET_HEADER}"] = { value: "${secrets.origin.value}" };`,
        },
      },
    });
    const url = appUrl(router);
    router.routeBucket("/posts", photos);
    router.routeBucket("/avatars", photos);
    // The app invalidates a removed or suspended photo's cached copies on this distribution
    // (lib/cdn): the CDN keeps public photos a year, so removal must reach it.
    const distribution = router.nodes.cdn.nodes.distribution;

    const link = [database, photos, ...Object.values(secrets)];
    // Plain settings only: every secret and the database URL come through `link`.
    const environment = {
      S3_BUCKET: photos.name,
      S3_PUBLIC_URL: url,
      CDN_DISTRIBUTION_ID: distribution.id,
      APP_URL: url,
      MAIL_FROM: domain ? `Snapgram <no-reply@${domain}>` : "Snapgram <no-reply@snapgram.local>",
      RATE_LIMIT_STORE: "database",
      DEV_OUTBOX_PAGE: "false",
      // One request at a time per Lambda instance: a small pool per instance; the RDS Proxy
      // multiplexes them so scaling out cannot exhaust the database's connections.
      DATABASE_POOL_MAX: "3",
      // The Maintenance cron does the timer's work; a frozen Lambda runs no timers.
      BACKGROUND_JOBS_DISABLED: "true",
      // Per-address limits read only the header the router's viewer-request function writes.
      CLIENT_IP_HEADER,
      TRUSTED_PROXY_HOPS: "0",
      // Moderators and admins moderate only with two-factor sign-in on (locally it is off, so the
      // demo accounts work at once).
      MODERATION_REQUIRES_2FA: "true",
      // sharp on glibc: fewer malloc arenas keep a long-lived server's memory flat.
      MALLOC_ARENA_MAX: "2",
    };

    // Migrations: applied by every deploy, before the site is updated. A failed migration fails
    // the invocation and so the deploy (the previous site keeps serving).
    const migrator = new sst.aws.Function("Migrator", {
      handler: "lib/deploy/migrate-handler.handler",
      runtime: RUNTIME,
      architecture: ARCHITECTURE,
      vpc,
      link: [database],
      copyFiles: [{ from: "db/migrations", to: "migrations" }],
      timeout: "5 minutes",
      logging: { retention: "1 month", format: "json" },
    });
    const migrations = new aws.lambda.Invocation("MigratorInvocation", {
      functionName: migrator.name,
      input: JSON.stringify({ stage: $app.stage }),
      // A new invocation on every deploy (the migrator is idempotent).
      triggers: { deployedAt: Date.now().toString() },
    });

    // Maintenance every 5 minutes: Discover rebuild, abandoned-upload sweep, media jobs.
    new sst.aws.Cron("Maintenance", {
      schedule: "rate(5 minutes)",
      function: {
        handler: "lib/deploy/maintenance-handler.handler",
        runtime: RUNTIME,
        architecture: ARCHITECTURE,
        vpc,
        link,
        environment,
        permissions: [
          { actions: ["cloudfront:CreateInvalidation"], resources: [distribution.arn] },
        ],
        nodejs: { esbuild: { conditions: ["react-server"] } },
        timeout: "2 minutes",
        logging: { retention: "1 month", format: "json" },
      },
    });

    // "Download your information": requests only queue an export (a Lambda runs nothing after
    // its response); this builds them, streaming each zip into the bucket (multipart upload), and
    // mails the link. Every minute; a build may take up to 15 minutes (lib/data-export).
    new sst.aws.Cron("DataExports", {
      schedule: "rate(1 minute)",
      function: {
        handler: "lib/deploy/data-export-handler.handler",
        runtime: RUNTIME,
        architecture: ARCHITECTURE,
        vpc,
        link: email ? [...link, email] : link,
        environment,
        nodejs: { esbuild: { conditions: ["react-server"] } },
        memory: "1024 MB",
        timeout: "15 minutes",
        logging: { retention: "1 month", format: "json" },
      },
    });

    const site = new sst.aws.Nextjs(
      "Web",
      {
        vpc,
        router: { instance: router },
        buildCommand: "npm run build:aws",
        openNextVersion: "3.9.14",
        server: { runtime: RUNTIME, architecture: ARCHITECTURE, memory: "2048 MB" },
        link: email ? [...link, email] : link,
        permissions: [
          { actions: ["cloudfront:CreateInvalidation"], resources: [distribution.arn] },
        ],
        environment,
        transform: {
          server: (args) => {
            args.logging = { retention: "1 month", format: "json" };
          },
        },
      },
      { dependsOn: [migrations] },
    );

    const server = site.nodes.server?.apply((fn) => fn.nodes.function.name);
    // CloudWatch alarms, their SNS topics and the dashboard (infra/monitor.ts).
    const { monitor } = await import("./infra/monitor");
    const dashboard = monitor({
      server,
      instance: database.nodes.instance?.identifier,
      distribution: distribution.id,
      alertEmail: ALERT_EMAILS[$app.stage],
      region: REGION,
    });

    return { url: site.url, migrator: migrator.name, dashboard };
  },
});
