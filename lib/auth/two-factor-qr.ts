import "server-only";
import QRCode from "qrcode";

/**
 * The otpauth:// URI as an SVG QR code, drawn on the server: no script or image request in the
 * browser carries the secret, and inline SVG needs no change to the page's CSP.
 */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}
