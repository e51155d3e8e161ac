import type { CropView } from "./crop-math";
import type { AcceptedType } from "./file-checks";

// The create flow's client-side state, shared by its steps.

export type Step = "select" | "crop" | "details";

/** One picked photo: the file, its preview and everything the user set for it. */
export type Photo = {
  /** Client-only id (stable across reorders). */
  id: string;
  file: File;
  /** The type declared to the server (the file's own, or guessed from its extension). */
  type: AcceptedType;
  /** Object URL of the file; revoked when the photo is removed or the flow unmounts. */
  url: string;
  /** EXIF-oriented size, as the browser displays it. */
  width: number;
  height: number;
  view: CropView;
  alt: string;
};

export type UploadStatus = "waiting" | "uploading" | "done" | "error";

/** Progress of one photo's upload during Share. */
export type UploadState = {
  status: UploadStatus;
  loaded: number;
  total: number;
  error: string | null;
};
