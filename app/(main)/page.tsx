import type { Metadata } from "next";
import { WelcomePanel } from "@/components/feed/welcome-panel";
import { requireUser } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireUser();
  return (
    <main className="mx-auto w-full max-w-[630px] px-4 py-6 md:py-10">
      <WelcomePanel name={user.name} username={user.username} />
    </main>
  );
}
