// @ts-check
// The pacer's sound track, without a browser: `node --test tests/js/`. The WAV bytes are read back
// by a parser written here from the format's definition (not the module's own writer), and every
// tone is found where it starts in the samples, then compared with the schedule.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PACES, PACE_RULE } from './support/contract.mjs';
import { forRandomSessions } from './support/random-sessions.mjs';
import {
  CHIME,
  TRACK_BUDGET_BYTES,
  WAV_HEADER_BYTES,
  cuesFor,
  renderTrack,
  trackFormat,
  trackMs,
} from '../../overrides/assets/javascripts/pacer-audio.js';
import { planSession } from '../../overrides/assets/javascripts/pacer-schedule.js';

/** @typedef {import('../../overrides/assets/javascripts/pacer-schedule.js').Exercise} Exercise */

const ONSET_TOLERANCE_MS = 1;
const SOUND_CASES = 60; // each renders a track of minutes: fewer than the schedule's cases
const QUIET_GAP_MS = 50; // silence this long ends a tone (a tone crosses zero, but only for a sample)

/** @param {string} action @param {number} seconds @param {string | null} [side] */
const phase = (action, seconds, side = null) => ({ action, seconds, side, cue: action, label: action });

/** @type {Exercise} */
const fourSevenEight = {
  id: '4-7-8',
  lead_in: phase('breathe-out', 4),
  phases: [phase('breathe-in', 4), phase('hold-full', 7), phase('breathe-out', 8)],
  cycles: { default: 4, min: 1, max: 100 },
  ...PACE_RULE,
};
/** @type {Exercise} */
const alternate = {
  id: 'alternate-nostril',
  lead_in: null,
  phases: [phase('breathe-in', 4, 'left'), phase('breathe-out', 4, 'right')],
  cycles: { default: 5, min: 5, max: 10 },
  ...PACE_RULE,
};

/**
 * A WAV file's format and samples, read from its bytes.
 * @param {Uint8Array} bytes
 */
function readWav(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (/** @type {number} */ at) => String.fromCharCode(...bytes.subarray(at, at + 4));
  assert.equal(text(0), 'RIFF');
  assert.equal(view.getUint32(4, true), bytes.length - 8, 'RIFF size');
  assert.equal(text(8), 'WAVE');
  assert.equal(text(12), 'fmt ');
  assert.equal(view.getUint16(20, true), 1, 'PCM');
  const channels = view.getUint16(22, true),
    sampleRate = view.getUint32(24, true);
  assert.equal(view.getUint32(28, true), sampleRate * channels, 'byte rate');
  assert.equal(view.getUint16(34, true), 8, 'bits per sample');
  assert.equal(text(36), 'data');
  assert.equal(view.getUint32(40, true), bytes.length - WAV_HEADER_BYTES, 'data size');
  return { channels, sampleRate, samples: bytes.subarray(WAV_HEADER_BYTES) };
}

/**
 * Where each sound begins after silence, in ms, and on which channels it is heard.
 * @param {Uint8Array} bytes
 */
function onsets(bytes) {
  const { channels, sampleRate, samples } = readWav(bytes);
  const gap = (QUIET_GAP_MS * sampleRate) / 1000,
    frames = samples.length / channels;
  /** @type {{ms: number, heard: boolean[]}[]} */
  const found = [];
  let quietFrames = Infinity;
  for (let frame = 0; frame < frames; frame++) {
    let loud = false;
    for (let c = 0; c < channels; c++) loud ||= samples[frame * channels + c] !== 128;
    if (!loud) {
      quietFrames++;
      continue;
    }
    if (quietFrames >= gap) found.push({ ms: (frame * 1000) / sampleRate, heard: Array(channels).fill(false) });
    const tone = /** @type {{heard: boolean[]}} */ (found.at(-1));
    for (let c = 0; c < channels; c++) tone.heard[c] ||= samples[frame * channels + c] !== 128;
    quietFrames = 0;
  }
  return found;
}

/** Each tone on the schedule: every phase's start, then the end chime's first note. @param {import('../../overrides/assets/javascripts/pacer-schedule.js').Plan} plan */
const scheduled = plan => [...plan.phases.map(p => p.start), plan.total];

/** @param {number[]} seen @param {number[]} due */
function assertOnTime(seen, due) {
  assert.equal(seen.length, due.length, `found ${seen.length} tones, the schedule has ${due.length}`);
  seen.forEach((ms, i) =>
    assert.ok(Math.abs(ms - due[i]) <= ONSET_TOLERANCE_MS, `tone ${i} at ${ms} ms, due at ${due[i]} ms`),
  );
}

describe('renderTrack', () => {
  it('starts every tone within 1 ms of its phase, and the chime as the session ends', () => {
    for (const pace of [0.75, 1, 1.5]) {
      const plan = planSession(fourSevenEight, 4, pace),
        format = /** @type {NonNullable<ReturnType<typeof trackFormat>>} */ (trackFormat(plan));
      assertOnTime(
        onsets(renderTrack(plan, format)).map(o => o.ms),
        scheduled(plan),
      );
    }
  });

  it('starts every tone on time for any exercise, pace and breath count (property)', () => {
    forRandomSessions((exercise, cycles, pace) => {
      const plan = planSession(exercise, Math.min(cycles, 3), pace),
        format = trackFormat(plan);
      assert.ok(format);
      assertOnTime(
        onsets(renderTrack(plan, format)).map(o => o.ms),
        scheduled(plan),
      );
    }, SOUND_CASES);
  });

  it('plays each nostril side on its own channel, and the chime on both', () => {
    const plan = planSession(alternate, 5, 1),
      format = trackFormat(plan);
    assert.deepEqual(format, { sampleRate: 8000, channels: 2 });
    const found = onsets(renderTrack(plan, format));
    assert.deepEqual(
      found.slice(0, 4).map(o => o.heard),
      [
        [true, false],
        [false, true],
        [true, false],
        [false, true],
      ],
    );
    assert.deepEqual(found.at(-1)?.heard, [true, true]);
  });

  it('glides up for in, down for out, and holds one note', () => {
    const cues = cuesFor(planSession(fourSevenEight, 1, 1));
    const [leadIn, breatheIn, hold, breatheOut] = cues;
    assert.ok(breatheIn.to > breatheIn.from && breatheOut.to < breatheOut.from && leadIn.to < leadIn.from);
    assert.equal(hold.from, hold.to);
    assert.equal(cues.length, 4 + CHIME.length);
  });

  it('ends after the chime has rung out', () => {
    const plan = planSession(fourSevenEight, 2, 1),
      { sampleRate, channels, samples } = readWav(renderTrack(plan, { sampleRate: 8000, channels: 1 }));
    assert.equal((samples.length / channels / sampleRate) * 1000, trackMs(plan));
    assert.ok(trackMs(plan) > plan.total + 1000);
    assert.ok(
      samples.subarray(-100).every(sample => sample === 128),
      'the track ends in silence',
    );
  });
});

describe('trackFormat', () => {
  it('fits the longest session the data allow, 100 breaths at the slowest pace, in 16 MB', () => {
    const plan = planSession(fourSevenEight, 100, Math.max(...PACES)),
      format = trackFormat(plan);
    assert.deepEqual(format, { sampleRate: 4000, channels: 1 }); // 8 kHz would not fit
    const bytes = renderTrack(plan, format);
    assert.ok(bytes.length <= TRACK_BUDGET_BYTES, `${bytes.length} bytes`);
    assertOnTime(
      onsets(bytes).map(o => o.ms),
      scheduled(plan),
    );
  });

  it('keeps the better rate while it fits, and says so when nothing would', () => {
    const plan = planSession(fourSevenEight, 4, 1);
    assert.deepEqual(trackFormat(plan), { sampleRate: 8000, channels: 1 });
    assert.equal(trackFormat(plan, 1000), null);
    const sided = planSession(alternate, 10, 1.5);
    assert.deepEqual(trackFormat(sided, 4000 * 130 + 44), { sampleRate: 4000, channels: 1 }); // sides given up first
  });
});
