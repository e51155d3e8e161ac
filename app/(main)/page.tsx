import type { Metadata } from "next";
import { WelcomePanel } from "@/components/feed/welcome-panel";
import { getCurrentUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  // The layout has already checked the session; this read is cached for the request.
  const user = await getCurrentUser();
  return (
    <main className="mx-auto w-full max-w-[630px] px-4 py-6 md:py-10">
      <WelcomePanel name={user?.name ?? ""} username={user?.username ?? ""} />
    </main>
  );
}
