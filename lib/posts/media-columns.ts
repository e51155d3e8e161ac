import { postMedia } from "@/db/schema";

/** The post_media columns a photo's view needs (toMediaView), with the post it belongs to. */
export const mediaColumns = {
  id: postMedia.id,
  postId: postMedia.postId,
  width: postMedia.width,
  height: postMedia.height,
  placeholder: postMedia.placeholder,
  alt: postMedia.alt,
  variants: postMedia.variants,
};
