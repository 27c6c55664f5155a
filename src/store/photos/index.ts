// A child's photographs: metadata stripped, thumbnailed, sealed at rest, served to the entitled.
export { createPhotoRepository } from "./photo-repository.ts";
export { PHOTO_MIGRATIONS } from "./migrations.ts";
export { MAX_PHOTO_BYTES, PhotoError, PHOTO_TYPES, processPhoto } from "./photo-image.ts";
