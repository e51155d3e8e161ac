import { type LucideIcon, RectangleHorizontal, RectangleVertical, Square } from "lucide-react";
import type { Aspect } from "@/lib/images/types";

const OPTIONS: { aspect: Aspect; label: string; icon: LucideIcon }[] = [
  { aspect: "1:1", label: "Square", icon: Square },
  { aspect: "4:5", label: "Portrait", icon: RectangleVertical },
  { aspect: "1.91:1", label: "Landscape", icon: RectangleHorizontal },
];

type Props = { value: Aspect; onChange: (aspect: Aspect) => void; disabled?: boolean };

/** The post's aspect (every photo of a post shares it), as three toggle buttons with icons. */
export function AspectPicker({ value, onChange, disabled = false }: Props) {
  return (
    <fieldset disabled={disabled}>
      <legend className="mb-2 text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400">
        Aspect ratio
      </legend>
      <div className="grid grid-cols-3 gap-2">
        {OPTIONS.map(({ aspect, label, icon: Icon }) => {
          const selected = aspect === value;
          return (
            <button
              key={aspect}
              type="button"
              aria-pressed={selected}
              aria-label={`${label} ${aspect}`}
              onClick={() => onChange(aspect)}
              className={`flex flex-col items-center gap-1 rounded-lg border px-2 py-2 text-xs transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 ${
                selected
                  ? "border-neutral-900 bg-neutral-900 text-white dark:border-white dark:bg-white dark:text-black"
                  : "border-neutral-200 text-neutral-700 hover:bg-neutral-100 dark:border-neutral-800 dark:text-neutral-300 dark:hover:bg-neutral-900"
              }`}
            >
              <Icon aria-hidden="true" className="size-5" strokeWidth={selected ? 2.2 : 1.8} />
              <span className="font-semibold">{aspect}</span>
              <span className={selected ? "opacity-80" : "text-neutral-500 dark:text-neutral-400"}>
                {label}
              </span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
