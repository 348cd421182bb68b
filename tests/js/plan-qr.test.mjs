// @ts-check
// The plan link's QR code: `node --test tests/js/`. The code comes from the shipped copy of lean-qr
// (overrides/assets/vendor/); the SVG path must draw exactly its modules, and the element is built
// with DOM methods only. tests/test_plan_qr.py draws the path and decodes it back to the link.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { QUIET_ZONE, qrCode, qrPath, qrSvg } from '../../overrides/assets/javascripts/plan-qr.js';

const LINK = 'https://example.org/breathing-room/practice/plan/?exercise=gentle&minutes=5&days=14&time=08:00';

/** The modules a path from qrPath paints, as "x,y" in the code's own coordinates. @param {string} path */
function painted(path) {
  const modules = new Set();
  for (const [, x, y, length] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let n = 0; n < Number(length); n++) modules.add(`${Number(x) + n - QUIET_ZONE},${Number(y) - QUIET_ZONE}`);
  }
  return modules;
}

describe('plan QR code', () => {
  it('is a QR code: finder patterns in three corners, a size of 21 + 4n modules', async () => {
    const code = await qrCode(LINK);
    assert.equal((code.size - 21) % 4, 0);
    assert.ok(code.size >= 29 && code.size <= 57, `${code.size} modules`);
    const finder = (/** @type {number} */ left, /** @type {number} */ top) => {
      for (let y = 0; y < 7; y++) {
        for (let x = 0; x < 7; x++) {
          const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
          assert.equal(code.get(left + x, top + y), ring !== 2, `finder at ${left},${top}: ${x},${y}`);
        }
      }
    };
    finder(0, 0);
    finder(code.size - 7, 0);
    finder(0, code.size - 7);
  });

  it('draws exactly the dark modules, one rectangle per run, inside the quiet zone', async () => {
    const code = await qrCode(LINK);
    const path = qrPath(code);
    assert.match(path, /^(M\d+ \d+h\d+v1h-\d+z)+$/);
    const dark = new Set();
    for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) if (code.get(x, y)) dark.add(`${x},${y}`);
    assert.deepEqual(painted(path), dark);
    const runs = path.match(/M/g)?.length ?? 0;
    assert.ok(runs < dark.size, 'neighbouring modules share a rectangle');
  });

  it('gives the same code for the same link, and another for another link', async () => {
    assert.equal(qrPath(await qrCode(LINK)), qrPath(await qrCode(LINK)));
    assert.notEqual(qrPath(await qrCode(LINK)), qrPath(await qrCode(LINK.replace('days=14', 'days=15'))));
  });

  it('is an SVG element built with createElementNS and setAttribute, named for screen readers', async () => {
    const code = await qrCode(LINK);
    /** @type {string[]} */
    const calls = [];
    /** A stand-in for the page's document that records how the element is built. @param {string} tag */
    const element = tag => {
      /** @type {Record<string, string>} */
      const attributes = {};
      /** @type {any[]} */
      const children = [];
      return {
        tag,
        attributes,
        children,
        /** @param {string} name @param {string} value */
        setAttribute(name, value) {
          attributes[name] = value;
        },
        /** @param {any[]} nodes */
        append(...nodes) {
          children.push(...nodes);
        },
        /** @param {string} _ */
        set innerHTML(_) {
          throw new Error('no markup from text');
        },
      };
    };
    const fake = {
      /** @param {string} ns @param {string} tag */
      createElementNS(ns, tag) {
        calls.push(`${ns} ${tag}`);
        return element(tag);
      },
    };
    const svg = /** @type {any} */ (qrSvg(code, /** @type {any} */ (fake), "QR code of this plan's link"));
    const side = String(code.size + 2 * QUIET_ZONE);
    assert.deepEqual(calls, [
      'http://www.w3.org/2000/svg svg',
      'http://www.w3.org/2000/svg rect',
      'http://www.w3.org/2000/svg path',
    ]);
    assert.deepEqual(svg.attributes, {
      viewBox: `0 0 ${side} ${side}`,
      role: 'img',
      'aria-label': "QR code of this plan's link",
      'shape-rendering': 'crispEdges',
    });
    const [light, dark] = svg.children;
    assert.deepEqual(light.attributes, { width: side, height: side, fill: '#fff' });
    assert.deepEqual(dark.attributes, { d: qrPath(code), fill: '#000' });
  });
});
