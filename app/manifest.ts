import type { MetadataRoute } from "next";

// Lets phones and desktops install Snapgram as an app (PWA): PNG icons of 192 and 512 px are
// what Chromium's install check and Android's launcher need (public/icons, made by
// scripts/make-icons.ts); public/sw.js answers navigations with an offline page. share_target
// puts Snapgram in the phone's share sheet for images: the worker receives the POST and the
// create flow opens with the photos (components/create/shared-photos.ts).
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Snapgram",
    short_name: "Snapgram",
    description: "Share photos with the people you follow.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#ffffff",
    categories: ["photo", "social"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
    share_target: {
      action: "/share-target",
      method: "POST",
      enctype: "multipart/form-data",
      params: {
        title: "title",
        text: "text",
        files: [{ name: "photos", accept: ["image/*"] }],
      },
    },
    shortcuts: [
      {
        name: "New post",
        url: "/create",
        icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }],
      },
      {
        name: "Notifications",
        url: "/notifications",
        icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }],
      },
    ],
  };
}
