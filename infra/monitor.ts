/// <reference path="../.sst/platform/config.d.ts" />

// Part of the SST stack (sst.config.ts imports it inside run(), where SST's globals exist). Type-
// checked against the pinned SST's platform types by `npm run typecheck:sst`.

/**
 * CloudWatch: alarms on server errors and throttles, p95 duration, RDS CPU / free storage /
 * connections and the CloudFront 5xx rate, sent to an SNS topic with an e-mail subscription, and
 * one dashboard with those figures and the app's own metrics (lib/observability/metrics.ts, EMF).
 * CloudFront publishes its metrics in us-east-1 only: that alarm and its topic live there.
 */
export function monitor(refs: {
  server: $util.Output<string> | undefined;
  instance: $util.Output<string> | undefined;
  distribution: $util.Output<string>;
  alertEmail: string | undefined;
  /** The stack's region (the CloudFront metrics are in us-east-1 whatever it is). */
  region: string;
}) {
  const usEast1 = new aws.Provider("UsEast1", { region: "us-east-1" });
  const topics = [
    new aws.sns.Topic("Alerts"),
    new aws.sns.Topic("AlertsGlobal", {}, { provider: usEast1 }),
  ];
  if (refs.alertEmail) {
    topics.forEach((topic, i) => {
      new aws.sns.TopicSubscription(
        `AlertsEmail${i}`,
        { topic: topic.arn, protocol: "email", endpoint: refs.alertEmail as string },
        i === 1 ? { provider: usEast1 } : {},
      );
    });
  }
  // Every alarm: 2 of the last 3 five-minute periods breaching; a missing datapoint is no breach.
  type AlarmArgs = Omit<aws.cloudwatch.MetricAlarmArgs, "evaluationPeriods">;
  const alarm = (name: string, args: AlarmArgs, global = false) => {
    const topic = topics[global ? 1 : 0] as aws.sns.Topic;
    new aws.cloudwatch.MetricAlarm(
      name,
      {
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        period: 300,
        treatMissingData: "notBreaching",
        alarmActions: [topic.arn],
        okActions: [topic.arn],
        ...args,
      },
      global ? { provider: usEast1 } : {},
    );
  };
  const lambda = { FunctionName: refs.server as $util.Output<string> };
  const rds = { DBInstanceIdentifier: refs.instance as $util.Output<string> };
  const above = "GreaterThanThreshold" as const;
  const below = "LessThanThreshold" as const;
  alarm("ServerErrors", {
    namespace: "AWS/Lambda",
    metricName: "Errors",
    dimensions: lambda,
    statistic: "Sum",
    comparisonOperator: above,
    threshold: 5,
  });
  alarm("ServerThrottles", {
    namespace: "AWS/Lambda",
    metricName: "Throttles",
    dimensions: lambda,
    statistic: "Sum",
    comparisonOperator: above,
    threshold: 0,
  });
  alarm("ServerP95Duration", {
    namespace: "AWS/Lambda",
    metricName: "Duration",
    dimensions: lambda,
    extendedStatistic: "p95",
    comparisonOperator: above,
    threshold: 3000,
  });
  alarm("DatabaseCpu", {
    namespace: "AWS/RDS",
    metricName: "CPUUtilization",
    dimensions: rds,
    statistic: "Average",
    comparisonOperator: above,
    threshold: 80,
  });
  alarm("DatabaseFreeStorage", {
    namespace: "AWS/RDS",
    metricName: "FreeStorageSpace",
    dimensions: rds,
    statistic: "Minimum",
    comparisonOperator: below,
    threshold: 2 * 1024 ** 3,
  });
  alarm("DatabaseConnections", {
    namespace: "AWS/RDS",
    metricName: "DatabaseConnections",
    dimensions: rds,
    statistic: "Maximum",
    comparisonOperator: above,
    threshold: 60,
  });
  alarm(
    "Cdn5xxRate",
    {
      namespace: "AWS/CloudFront",
      metricName: "5xxErrorRate",
      dimensions: { DistributionId: refs.distribution, Region: "Global" },
      statistic: "Average",
      comparisonOperator: above,
      threshold: 1,
    },
    true,
  );

  const app = (name: string, stat: string) => ["Snapgram", name, { stat }];
  const widget = (title: string, metrics: unknown[][], region = refs.region) => ({
    type: "metric",
    width: 12,
    height: 6,
    properties: { title, metrics, region, period: 300, view: "timeSeries" },
  });
  const body = $jsonStringify({
    widgets: [
      widget("Server errors and throttles", [
        ["AWS/Lambda", "Errors", "FunctionName", lambda.FunctionName, { stat: "Sum" }],
        ["AWS/Lambda", "Throttles", "FunctionName", lambda.FunctionName, { stat: "Sum" }],
      ]),
      widget("Server duration p95 (ms)", [
        ["AWS/Lambda", "Duration", "FunctionName", lambda.FunctionName, { stat: "p95" }],
      ]),
      widget("Database", [
        ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", rds.DBInstanceIdentifier],
        ["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", rds.DBInstanceIdentifier],
        [
          "AWS/RDS",
          "FreeStorageSpace",
          "DBInstanceIdentifier",
          rds.DBInstanceIdentifier,
          { yAxis: "right" },
        ],
      ]),
      widget(
        "CloudFront 5xx rate (%)",
        [
          [
            "AWS/CloudFront",
            "5xxErrorRate",
            "DistributionId",
            refs.distribution,
            "Region",
            "Global",
          ],
        ],
        "us-east-1",
      ),
      widget("Photo processing and feed p95 (ms)", [
        app("ImageProcessingTime", "p95"),
        app("FeedPageTime", "p95"),
      ]),
      widget("Failures (count)", [
        app("ActionFailure", "Sum"),
        app("RateLimitRefusal", "Sum"),
        app("RealtimePublishFailure", "Sum"),
      ]),
    ],
  });
  const dashboard = new aws.cloudwatch.Dashboard("Dashboard", {
    dashboardName: `snapgram-${$app.stage}`,
    dashboardBody: body,
  });
  return dashboard.dashboardName;
}
