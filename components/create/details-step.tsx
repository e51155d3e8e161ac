import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Aspect } from "@/lib/images/types";
import { MAX_CAPTION } from "@/lib/posts/limits";
import { formatCount } from "@/lib/shared/format";
import { AdvancedSettings, type PostControlSettings } from "./advanced-settings";
import { AltTextList } from "./alt-text-list";
import { CroppedImage, frameStyle } from "./cropped-image";
import { PhotoStage } from "./photo-stage";
import { TextAreaField } from "./text-area-field";
import type { Photo } from "./types";

type Props = {
  photos: Photo[];
  aspect: Aspect;
  index: number;
  onIndex: (index: number) => void;
  caption: string;
  onCaption: (caption: string) => void;
  captionErrors: string[];
  photoErrors: Record<string, string[]>;
  onAlt: (id: string, alt: string) => void;
  onRemove: (id: string) => void;
  controls: PostControlSettings;
  onControls: (controls: PostControlSettings) => void;
  onShare: () => void;
  canShare: boolean;
  /** While sharing, the upload progress takes the form's place (the form's state is kept). */
  sharePanel: ReactNode;
};

/** Step 3: the cropped preview, the caption, an alt text for each photo, advanced settings. */
export function DetailsStep(props: Props) {
  const { photos, aspect, index, onIndex } = props;
  const photo = photos[index];
  return (
    <div className="grid grid-cols-1 md:grid-cols-[minmax(0,1fr)_20rem]">
      <PhotoStage count={photos.length} index={index} onIndex={onIndex} className="hidden md:flex">
        {photo ? (
          <div style={frameStyle(aspect)}>
            <CroppedImage
              photo={photo}
              aspect={aspect}
              className="size-full"
              alt={`Preview of photo ${index + 1} of ${photos.length}, as cropped`}
            />
          </div>
        ) : null}
      </PhotoStage>
      {/* On desktops the stage sets the height and this column scrolls beside it. */}
      <div className="min-w-0 lg:relative md:border-l md:border-neutral-200 md:dark:border-neutral-800">
        <div className="flex flex-col gap-6 p-4 lg:absolute lg:inset-0 lg:overflow-y-auto">
          {props.sharePanel ?? (
            <>
              <TextAreaField
                label="Caption"
                value={props.caption}
                onChange={props.onCaption}
                max={MAX_CAPTION}
                overMessage={`Captions can have at most ${formatCount(MAX_CAPTION)} characters.`}
                errors={props.captionErrors}
                rows={6}
                placeholder="Write a caption… Use #hashtags and @mentions."
                mentions
              />
              <AltTextList
                photos={photos}
                aspect={aspect}
                errors={props.photoErrors}
                onAlt={props.onAlt}
                onRemove={props.onRemove}
              />
              <AdvancedSettings value={props.controls} onChange={props.onControls} />
              <Button onClick={props.onShare} disabled={!props.canShare} fullWidth>
                Share
              </Button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
