// Custom CloudWatch metrics in Embedded Metric Format (EMF): one JSON line on stdout per figure,
// which CloudWatch Logs turns into a metric in the "Snapgram" namespace (no API call, no
// latency). Only on AWS Lambda; elsewhere nothing is written. The lines go to stdout directly,
// not through console (Lambda's JSON log format wraps console output, which EMF cannot read).
// The alarms and dashboard in sst.config.ts read these names: keep them in step.

export const METRICS_NAMESPACE = "Snapgram";

export type MetricName =
  | "ImageProcessingTime"
  | "FeedPageTime"
  | "ActionFailure"
  | "RateLimitRefusal"
  | "RealtimePublishFailure";

type Unit = "Milliseconds" | "Count";

const onLambda = () =>
  typeof process !== "undefined" && Boolean(process.env?.AWS_LAMBDA_FUNCTION_NAME);

/** The EMF document for one value (exported for tests). */
export function emfLine(
  name: MetricName,
  value: number,
  unit: Unit,
  dimensions: Record<string, string> = {},
  now = Date.now(),
): string {
  const keys = Object.keys(dimensions);
  return JSON.stringify({
    _aws: {
      Timestamp: now,
      CloudWatchMetrics: [
        {
          Namespace: METRICS_NAMESPACE,
          // The total over all values, and (when given) one series per dimension value.
          Dimensions: keys.length > 0 ? [[], keys] : [[]],
          Metrics: [{ Name: name, Unit: unit }],
        },
      ],
    },
    ...dimensions,
    [name]: value,
  });
}

/** Records one value; never throws. */
export function metric(
  name: MetricName,
  value: number,
  unit: Unit = "Count",
  dimensions: Record<string, string> = {},
): void {
  if (!onLambda()) return;
  try {
    process.stdout.write(`${emfLine(name, value, unit, dimensions)}\n`);
  } catch {
    // Metrics must never break a request.
  }
}

/** Times `run` and records its duration in milliseconds (also when it throws). */
export async function timed<T>(name: MetricName, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    metric(name, Math.round(performance.now() - started), "Milliseconds");
  }
}
