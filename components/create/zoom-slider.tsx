import { ZoomIn, ZoomOut } from "lucide-react";
import { useId } from "react";
import { MAX_ZOOM, MIN_ZOOM } from "./crop-math";

type Props = { value: number; onChange: (zoom: number) => void; photoLabel: string };

/** 1x-3x zoom of the current photo's crop. */
export function ZoomSlider({ value, onChange, photoLabel }: Props) {
  const id = useId();
  return (
    <div>
      <label
        htmlFor={id}
        className="mb-2 flex items-center justify-between text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400"
      >
        <span>
          Zoom<span className="sr-only"> {photoLabel}</span>
        </span>
        <span aria-hidden="true" className="font-normal tabular-nums normal-case">
          {value.toFixed(1)}×
        </span>
      </label>
      <div className="flex items-center gap-2">
        <ZoomOut aria-hidden="true" className="size-4 shrink-0 text-neutral-500" />
        <input
          id={id}
          type="range"
          min={MIN_ZOOM}
          max={MAX_ZOOM}
          step={0.01}
          value={value}
          aria-valuetext={`${value.toFixed(1)} times`}
          onChange={(event) => onChange(Number(event.target.value))}
          className="h-6 w-full cursor-pointer accent-sky-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
        />
        <ZoomIn aria-hidden="true" className="size-4 shrink-0 text-neutral-500" />
      </div>
    </div>
  );
}
