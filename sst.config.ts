/// <reference path="./.sst/platform/config.d.ts" />

// The AWS stack (SST v3): the Next.js site behind a CloudFront router, PostgreSQL in a VPC, an S3
// bucket for photos served through the same CloudFront router, and the secrets. Set secrets once per stage:
//   npx sst secret set AuthSecret "$(openssl rand -base64 32)" --stage production
//   npx sst secret set SmtpUrl "smtps://USER:PASS@email-smtp.eu-west-1.amazonaws.com:465" --stage production
//   npx sst secret set PusherAppId 123456 --stage production   (and PusherKey, PusherSecret,
//   PusherCluster from the Pusher Channels app's keys page)
// A custom domain comes from SNAPGRAM_DOMAIN (e.g. snapgram.example.com) when set.
const CLIENT_IP_HEADER = "x-viewer-address";

export default $config({
  app(input) {
    return {
      name: "snapgram",
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: ["production"].includes(input?.stage),
      home: "aws",
    };
  },
  async run() {
    const isProduction = $app.stage === "production";
    const domain = process.env.SNAPGRAM_DOMAIN || undefined;

    const vpc = new sst.aws.Vpc("Vpc", { nat: isProduction ? "managed" : "ec2" });
    const database = new sst.aws.Postgres("Database", { vpc, database: "snapgram" });

    // Private bucket: only CloudFront reads it, and only under posts/ and avatars/ (routed below);
    // the uploads/ originals (with their GPS metadata) are never served.
    const photos = new sst.aws.Bucket("Photos", {
      access: "cloudfront",
      cors: {
        allowHeaders: ["*"],
        allowMethods: ["GET", "HEAD", "PUT"],
        allowOrigins: domain ? [`https://${domain}`] : ["*"],
        maxAge: "1 day",
      },
    });

    const authSecret = new sst.Secret("AuthSecret");
    const smtpUrl = new sst.Secret("SmtpUrl");
    // Live updates over Pusher Channels (the embedded soketi is for laptops only).
    const pusher = {
      appId: new sst.Secret("PusherAppId"),
      key: new sst.Secret("PusherKey"),
      secret: new sst.Secret("PusherSecret"),
      cluster: new sst.Secret("PusherCluster"),
    };

    // The router's URL is known before the site exists, so e-mailed links can use it.
    // The viewer's address for per-address limits: this viewer-request function overwrites
    // x-viewer-address on every request (a copy sent by the client is replaced), and the app reads
    // only that header (CLIENT_IP_HEADER below). X-Forwarded-For starts with whatever the client
    // wrote, and the router's origin request policy (AllViewerExceptHostHeader) does not forward
    // CloudFront-Viewer-Address.
    const router = new sst.aws.Router("Router", {
      ...(domain ? { domain } : {}),
      edge: {
        viewerRequest: {
          injection: `event.request.headers["${CLIENT_IP_HEADER}"] = { value: event.viewer.ip };`,
        },
      },
    });
    const appUrl = domain ? `https://${domain}` : router.url;
    router.routeBucket("/posts", photos);
    router.routeBucket("/avatars", photos);
    // The app invalidates a removed or suspended photo's cached copies on this distribution
    // (lib/cdn): the CDN keeps public photos a year, so removal must reach it.
    const distribution = router.nodes.cdn.nodes.distribution;

    const databaseUrl = $interpolate`postgres://${database.username}:${database.password}@${database.host}:${database.port}/${database.database}`;

    const site = new sst.aws.Nextjs("Web", {
      vpc,
      router: { instance: router },
      link: [database, photos, authSecret, smtpUrl, ...Object.values(pusher)],
      permissions: [{ actions: ["cloudfront:CreateInvalidation"], resources: [distribution.arn] }],
      environment: {
        DATABASE_URL: databaseUrl,
        S3_BUCKET: photos.name,
        S3_PUBLIC_URL: appUrl,
        CDN_DISTRIBUTION_ID: distribution.id,
        AUTH_SECRET: authSecret.value,
        SMTP_URL: smtpUrl.value,
        PUSHER_APP_ID: pusher.appId.value,
        PUSHER_KEY: pusher.key.value,
        PUSHER_SECRET: pusher.secret.value,
        PUSHER_CLUSTER: pusher.cluster.value,
        APP_URL: appUrl,
        RATE_LIMIT_STORE: "database",
        CLIENT_IP_HEADER,
        TRUSTED_PROXY_HOPS: "0",
        DEV_OUTBOX_PAGE: "false",
        // sharp on glibc: fewer malloc arenas keep a long-lived server's memory flat.
        MALLOC_ARENA_MAX: "2",
      },
    });

    return { url: site.url };
  },
});
