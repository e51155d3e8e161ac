import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { IntentPrefetch } from "@/components/navigation/intent-prefetch";
import { HydrationMarker } from "@/components/providers/hydration-marker";
import { QueryProvider } from "@/components/providers/query-provider";
import { PwaSupport } from "@/components/pwa/service-worker";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Snapgram", template: "%s · Snapgram" },
  description: "Share photos with the people you follow.",
  applicationName: "Snapgram",
  // iOS: full screen from the home screen (the touch icon is app/apple-icon.png).
  appleWebApp: { capable: true, title: "Snapgram", statusBarStyle: "default" },
  formatDetection: { telephone: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#000000" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that response's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <QueryProvider>{children}</QueryProvider>
        <HydrationMarker />
        <PwaSupport />
        <IntentPrefetch />
      </body>
    </html>
  );
}
