import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AvatarEditor } from "@/components/profile/avatar-editor";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { EditProfileForm } from "@/components/profile/edit-profile-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getEditableProfile } from "@/lib/users/queries-profile";

export const metadata: Metadata = { title: "Edit profile" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      <Card className="p-4 sm:p-6">{children}</Card>
    </section>
  );
}

export default async function EditProfilePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/accounts/edit");
  const profile = await getEditableProfile(getDb(), user.id);
  if (!profile) notFound();
  return (
    <main className="mx-auto w-full max-w-[600px] px-4 py-6 md:py-10">
      <h1 className="mb-6 text-xl font-bold md:text-2xl">Edit profile</h1>
      <Section id="photo-heading" title="Profile photo">
        <AvatarEditor
          avatarUrl={profile.avatarUrl}
          name={profile.name}
          username={profile.username}
        />
      </Section>
      <Section id="profile-heading" title="Profile">
        <EditProfileForm
          name={profile.name}
          username={profile.username}
          bio={profile.bio}
          website={profile.website}
        />
      </Section>
      <Section id="password-heading" title="Password">
        <ChangePasswordForm />
      </Section>
    </main>
  );
}
