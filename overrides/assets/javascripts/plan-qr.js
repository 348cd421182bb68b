// @ts-check
// The plan link as a QR code for the printed plan, made in the browser by lean-qr (pinned in
// package.json and shipped with the site from overrides/assets/vendor/lean-qr/, never a CDN) and
// drawn as one SVG path built with DOM methods: no canvas, no markup from text, nothing the
// content security policy has to allow beyond the site's own scripts.
// The library is loaded only when a code is wanted, by a dynamic import of the shipped copy.

/**
 * @typedef {object} QrCode  What lean-qr's generate returns, as far as this module reads it.
 * @property {number} size  modules along one side, quiet zone not included
 * @property {(x: number, y: number) => boolean} get  whether a module is dark
 *
 * @typedef {object} LeanQr  The part of lean-qr's module this one uses.
 * @property {(text: string, options?: {minCorrectionLevel?: number}) => QrCode} generate
 * @property {{L: number, M: number, Q: number, H: number}} correction
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The light margin a reader needs around the code, in modules (ISO/IEC 18004 asks for four). */
export const QUIET_ZONE = 4;
// Resolved against this module, so it works from any page of the site and in node's tests alike.
const LIBRARY = new URL('../vendor/lean-qr/index.js', import.meta.url).href;

/** lean-qr, loaded once, when first needed. @type {Promise<LeanQr> | null} */
let library = null;

/** @returns {Promise<LeanQr>} */
function leanQr() {
  library ??= /** @type {Promise<LeanQr>} */ (import(LIBRARY));
  return library;
}

/**
 * The QR code of a text, with at least medium error correction (a printed page may be creased or
 * smudged; lean-qr raises the level further when the code's size leaves room).
 * @param {string} text
 * @returns {Promise<QrCode>}
 */
export async function qrCode(text) {
  const { generate, correction } = await leanQr();
  return generate(text, { minCorrectionLevel: correction.M });
}

/**
 * The dark modules as one SVG path in the code's own units, offset by the quiet zone: each run of
 * dark modules in a row is one rectangle ("M x y h length v 1 h -length z").
 * @param {QrCode} code
 */
export function qrPath(code) {
  const runs = [];
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (!code.get(x, y)) continue;
      let length = 1;
      while (x + length < code.size && code.get(x + length, y)) length++;
      runs.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${length}v1h-${length}z`);
      x += length;
    }
  }
  return runs.join('');
}

/**
 * The code as an SVG element: dark modules on a white square with its quiet zone, scaled by CSS,
 * named for screen readers by `label`. Built with createElementNS and setAttribute only.
 * @param {QrCode} code
 * @param {Document} document
 * @param {string} label  e.g. "QR code of this plan's link"
 * @returns {SVGSVGElement}
 */
export function qrSvg(code, document, label) {
  const side = String(code.size + 2 * QUIET_ZONE);
  const svg = document.createElementNS(SVG_NS, 'svg');
  for (const [name, value] of [
    ['viewBox', `0 0 ${side} ${side}`],
    ['role', 'img'],
    ['aria-label', label],
    ['shape-rendering', 'crispEdges'],
  ]) {
    svg.setAttribute(name, value);
  }
  const light = document.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of [
    ['width', side],
    ['height', side],
    ['fill', '#fff'],
  ]) {
    light.setAttribute(name, value);
  }
  const dark = document.createElementNS(SVG_NS, 'path');
  dark.setAttribute('d', qrPath(code));
  dark.setAttribute('fill', '#000');
  svg.append(light, dark);
  return svg;
}
