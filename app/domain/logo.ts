// Which image a logo upload is, told by its first bytes: the name and the type the browser sent are
// whatever the sender says, and a file that claims to be an image while being HTML or SVG must never
// be served back as an image of ours.

export const LOGO_MAX_BYTES = 200 * 1024;

export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/** The image type these bytes begin with (PNG, JPEG or WebP), or null for anything else. */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "image/webp";
  return null;
}

/** Why these bytes cannot be the logo, in the words the form shows; null when they can. */
export function logoProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "Choose an image file";
  if (bytes.length > LOGO_MAX_BYTES) return `The logo is ${Math.ceil(bytes.length / 1024)} KB; it can be 200 KB at most`;
  if (!sniffLogoType(bytes)) return "The logo must be a PNG, JPEG or WebP image";
  return null;
}
