import type { MetadataRoute } from "next";

// Lets phones install Snapgram as an app (PWA).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Snapgram",
    short_name: "Snapgram",
    description: "Share photos with the people you follow.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#ffffff",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "maskable" },
    ],
  };
}
