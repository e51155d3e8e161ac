"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { MAX_PHOTOS } from "@/lib/posts/limits";
import { CENTRED_VIEW, type CropView } from "./crop-math";
import { acceptedTypeOf, checkFiles, type FileProblem } from "./file-checks";
import type { Photo } from "./types";

let nextId = 0;

/** Opens a file as an <img> would show it; null when the browser cannot decode it. */
async function loadPhoto(file: File): Promise<Photo | null> {
  const type = acceptedTypeOf(file);
  if (!type) return null;
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    if (!image.naturalWidth || !image.naturalHeight) throw new Error("no size");
    nextId += 1;
    return {
      id: `photo-${nextId}`,
      file,
      type,
      url,
      width: image.naturalWidth,
      height: image.naturalHeight,
      view: CENTRED_VIEW,
      alt: "",
    };
  } catch {
    URL.revokeObjectURL(url);
    return null;
  }
}

/** The picked photos and the edits on them; object URLs are released on removal and unmount. */
export function usePhotos() {
  const [photos, setPhotos] = useState<Photo[]>([]);
  // The latest list, for callbacks that run after awaits and for the unmount cleanup.
  const photosRef = useRef<Photo[]>([]);
  const commit = useCallback((change: (list: Photo[]) => Photo[]) => {
    photosRef.current = change(photosRef.current);
    setPhotos(photosRef.current);
  }, []);

  useEffect(
    () => () => {
      for (const photo of photosRef.current) URL.revokeObjectURL(photo.url);
    },
    [],
  );

  /** Checks and opens new files; returns the photos added and what was refused. */
  const addFiles = useCallback(
    async (files: File[]): Promise<{ added: Photo[]; problems: FileProblem[] }> => {
      const room = MAX_PHOTOS - photosRef.current.length;
      const { accepted, problems } = checkFiles(files, room);
      const loaded = await Promise.all(accepted.map(loadPhoto));
      const added: Photo[] = [];
      loaded.forEach((photo, index) => {
        if (photo) added.push(photo);
        else {
          problems.push({
            name: accepted[index]?.name ?? "",
            message: "This photo can't be opened. It may be damaged; try another file.",
            files: 1,
          });
        }
      });
      // Files may still be opening when the user adds more: never exceed the limit.
      const fit = added.slice(0, Math.max(0, MAX_PHOTOS - photosRef.current.length));
      for (const photo of added.slice(fit.length)) URL.revokeObjectURL(photo.url);
      if (fit.length > 0) commit((list) => [...list, ...fit]);
      return { added: fit, problems };
    },
    [commit],
  );

  const remove = useCallback(
    (id: string) => {
      const photo = photosRef.current.find((p) => p.id === id);
      if (photo) URL.revokeObjectURL(photo.url);
      commit((list) => list.filter((p) => p.id !== id));
    },
    [commit],
  );

  const removeAll = useCallback(() => {
    for (const photo of photosRef.current) URL.revokeObjectURL(photo.url);
    commit(() => []);
  }, [commit]);

  /** Moves a photo one place left (-1) or right (+1). */
  const move = useCallback(
    (id: string, delta: -1 | 1) => {
      commit((list) => {
        const from = list.findIndex((p) => p.id === id);
        const to = from + delta;
        if (from < 0 || to < 0 || to >= list.length) return list;
        const next = [...list];
        const [photo] = next.splice(from, 1);
        if (photo) next.splice(to, 0, photo);
        return next;
      });
    },
    [commit],
  );

  const update = useCallback(
    (id: string, patch: Partial<Pick<Photo, "view" | "alt">>) => {
      commit((list) => list.map((p) => (p.id === id ? { ...p, ...patch } : p)));
    },
    [commit],
  );

  const setView = useCallback((id: string, view: CropView) => update(id, { view }), [update]);
  const setAlt = useCallback((id: string, alt: string) => update(id, { alt }), [update]);

  return { photos, addFiles, remove, removeAll, move, setView, setAlt };
}
