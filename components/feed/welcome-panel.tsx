import type { LucideIcon } from "lucide-react";
import { Camera, Heart, Images, Users } from "lucide-react";

type Props = { name: string; username: string };

const steps: { icon: LucideIcon; title: string; text: string }[] = [
  {
    icon: Users,
    title: "Follow people",
    text: "Your feed shows the newest posts from the people you follow.",
  },
  {
    icon: Images,
    title: "Share photos",
    text: "Post your photos with a caption for your followers.",
  },
  { icon: Heart, title: "Like and comment", text: "Reactions show up live, without reloading." },
];

/** Shown on the home page until the feed exists: a friendly greeting and what's coming. */
export function WelcomePanel({ name, username }: Props) {
  return (
    <section
      aria-labelledby="welcome-heading"
      className="overflow-hidden rounded-2xl border border-neutral-200 dark:border-neutral-800"
    >
      <div className="relative bg-gradient-to-br from-amber-400 via-pink-500 to-violet-600 px-6 py-10 text-white sm:px-10">
        <span className="mb-5 inline-flex size-14 items-center justify-center rounded-2xl bg-white/20 ring-1 ring-white/40 backdrop-blur">
          <Camera aria-hidden="true" className="size-7" />
        </span>
        {/* The route announcer reads the h1 aloud, so the greeting stays a separate element. */}
        <h1
          id="welcome-heading"
          className="text-xs font-semibold tracking-widest text-white/80 uppercase"
        >
          Home
        </h1>
        <p className="mt-1 text-2xl font-bold break-words sm:text-3xl">Welcome, {name}</p>
        <p className="mt-1 text-sm break-all text-white/85">@{username}</p>
        <p className="mt-4 max-w-md text-sm leading-relaxed text-white/95 sm:text-base">
          This is your home feed. Once you follow people, their latest photos will appear here,
          newest first.
        </p>
      </div>
      <ul className="grid gap-px bg-neutral-200 sm:grid-cols-3 dark:bg-neutral-800">
        {steps.map(({ icon: Icon, title, text }) => (
          <li key={title} className="flex gap-3 bg-white p-5 sm:flex-col dark:bg-black">
            <Icon aria-hidden="true" className="size-6 shrink-0 text-pink-500" />
            <div>
              <h2 className="text-sm font-semibold">{title}</h2>
              <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">{text}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
