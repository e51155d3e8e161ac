// The client's address for rate limits: the first X-Forwarded-For hop set by the proxy in front
// (Next.js's own server sets it too), else X-Real-IP.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim();
  return ip && ip.length <= 64 ? ip : "unknown";
}
