"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { TextField } from "@/components/ui/text-field";
import { updateProfileAction } from "@/lib/users/actions-profile";
import { MAX_BIO } from "@/lib/users/limits";

type EditProfileFormProps = {
  name: string;
  username: string;
  bio: string;
  website: string | null;
};

/** Display name, username, bio (with a live counter) and website of the signed-in user. */
export function EditProfileForm(initial: EditProfileFormProps) {
  const router = useRouter();
  const { onSubmit, fieldErrors, message, isPending, succeeded } =
    useActionForm(updateProfileAction);
  const [bio, setBio] = useState(initial.bio);
  const [username, setUsername] = useState(initial.username);
  const [savedUsername, setSavedUsername] = useState(initial.username);
  const bioId = useId();
  const counterId = useId();
  const bioErrorId = useId();

  // The username sent with the last submit: after success, the profile lives there.
  const submitted = useRef(initial.username);
  useEffect(() => {
    if (!succeeded) return;
    setSavedUsername(submitted.current);
    router.refresh();
  }, [succeeded, router]);

  const renamed = username.trim().toLowerCase() !== savedUsername;
  const bioLength = bio.length;
  const bioErrors = fieldErrors.bio;

  return (
    <form
      onSubmit={(event) => {
        submitted.current = username.trim().toLowerCase();
        onSubmit(event);
      }}
      noValidate
      className="flex flex-col gap-4"
    >
      <TextField
        label="Name"
        name="name"
        defaultValue={initial.name}
        autoComplete="name"
        maxLength={50}
        required
        errors={fieldErrors.name}
      />
      <TextField
        label="Username"
        name="username"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={30}
        required
        hint={
          renamed
            ? `Your profile will move to /${username.trim().toLowerCase()}, and the old link /${savedUsername} will stop working.`
            : "Letters, numbers, periods and underscores."
        }
        errors={fieldErrors.username}
      />
      <div className="flex flex-col gap-1">
        <div className="flex items-baseline justify-between">
          <label
            htmlFor={bioId}
            className="text-xs font-medium text-neutral-600 dark:text-neutral-400"
          >
            Bio
          </label>
          <span
            id={counterId}
            className={`text-xs tabular-nums ${bioLength > MAX_BIO ? "font-semibold text-red-600 dark:text-red-400" : "text-neutral-500 dark:text-neutral-400"}`}
          >
            {bioLength}/{MAX_BIO}
          </span>
        </div>
        <textarea
          id={bioId}
          name="bio"
          rows={3}
          value={bio}
          onChange={(e) => setBio(e.target.value)}
          maxLength={MAX_BIO}
          aria-invalid={Boolean(bioErrors?.length) || undefined}
          aria-describedby={`${counterId}${bioErrors?.length ? ` ${bioErrorId}` : ""}`}
          className="w-full resize-none rounded-md border border-neutral-300 bg-neutral-50 px-3 py-2 text-sm text-neutral-900 placeholder:text-neutral-400 focus:border-neutral-500 focus:bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500/40 aria-invalid:border-red-500 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:focus:border-neutral-400 dark:focus:bg-neutral-950"
        />
        {bioErrors?.length ? (
          <p id={bioErrorId} className="text-xs text-red-600 dark:text-red-400">
            {bioErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <TextField
        label="Website"
        name="website"
        type="url"
        inputMode="url"
        defaultValue={initial.website ?? ""}
        autoComplete="url"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="example.com"
        maxLength={200}
        errors={fieldErrors.website}
      />
      {message ? <Alert>{message}</Alert> : null}
      {succeeded && !message ? (
        <Alert tone="success">
          Profile saved.{" "}
          <Link href={`/${encodeURIComponent(savedUsername)}`} className="font-semibold underline">
            View profile
          </Link>
        </Alert>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" pending={isPending} className="min-w-32">
          Save
        </Button>
      </div>
    </form>
  );
}
