import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreatePostFlow } from "@/components/create/create-post-flow";
import { getCurrentUser } from "@/lib/auth";

export const metadata: Metadata = { title: "New post" };

export default async function CreatePostPage() {
  // The (main) layout already requires a session; this guard keeps the page safe on its own.
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/create");
  return (
    <main className="mx-auto w-full max-w-[960px] py-4 sm:px-4 md:py-8">
      <h1 className="mb-4 px-4 text-xl font-bold sm:px-0 md:text-2xl">New post</h1>
      <CreatePostFlow />
    </main>
  );
}
