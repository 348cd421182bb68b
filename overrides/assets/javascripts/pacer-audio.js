// @ts-check
// The pacer's sound track, with no DOM: a planned session turned into the bytes of one WAV file
// that an <audio> element plays from start to end. Every tone starts on the sample the schedule
// gives (the same plan the display follows), so the track can be the session's clock: a phone
// plays it with the screen locked as it plays any media, and the display reads its position.
//
// The encoding is 8-bit PCM (every engine decodes it) at a low sample rate: the tones are all
// under 1 kHz, and most of a session is silence, so a track stays small. The rate is the highest
// that keeps the whole track within TRACK_BUDGET_BYTES; alternate-nostril sessions are stereo, so
// each tone comes from the nostril's side.

/** @typedef {import('./pacer-schedule.js').Plan} Plan */

/**
 * @typedef {object} Cue  One tone in the track.
 * @property {number} at     ms from the session's start: where its first sample lies
 * @property {number} ms     how long it sounds
 * @property {number} from   Hz at its start
 * @property {number} to     Hz after the glide
 * @property {number} pan    -1 left, 0 both sides, 1 right
 * @property {number} level  peak, 0 to 1 of full scale
 *
 * @typedef {object} TrackFormat
 * @property {number} sampleRate
 * @property {number} channels  1, or 2 when some phase has a side
 */

/** The most memory one track may take (the limit: the longest session must fit). */
export const TRACK_BUDGET_BYTES = 16 * 1024 * 1024;
/** Sample rates to try, best first; the lowest still carries every tone (all under 1 kHz). */
export const SAMPLE_RATES = [8000, 4000];
export const WAV_HEADER_BYTES = 44;
/** The rising tone for in, the falling one for out; holds get one steady note. */
export const TONES = { 'breathe-in': [392, 523], 'breathe-out': [523, 349], hold: [440, 440] };
export const TONE_MS = 1000;
const GLIDE_MS = 600;
const ATTACK_MS = 4; // short enough that the onset is sharp, long enough not to click
const TONE_LEVEL = 0.35;
/** The soft end chime: two bell notes, a fifth apart, the second a moment after the first. */
export const CHIME = [
  { after: 0, hz: 659, ms: 1800 },
  { after: 180, hz: 988, ms: 1600 },
];
const CHIME_LEVEL = 0.25;
const SILENCE = 128; // 8-bit PCM is unsigned: 128 is zero

/**
 * Every tone in a session: one per phase as it starts, then the end chime after the last.
 * @param {Plan} plan
 * @returns {Cue[]}
 */
export function cuesFor(plan) {
  /** @type {Cue[]} */
  const cues = plan.phases.map(phase => {
    const [from, to] = TONES[/** @type {'breathe-in'} */ (phase.data.action)] || TONES.hold;
    const pan = phase.data.side === 'left' ? -1 : phase.data.side === 'right' ? 1 : 0;
    return { at: phase.start, ms: Math.min(TONE_MS, phase.end - phase.start), from, to, pan, level: TONE_LEVEL };
  });
  for (const note of CHIME) {
    cues.push({ at: plan.total + note.after, ms: note.ms, from: note.hz, to: note.hz, pan: 0, level: CHIME_LEVEL });
  }
  return cues;
}

/** The track's length in ms: the session, then the chime's ring. @param {Plan} plan */
export function trackMs(plan) {
  return plan.total + Math.max(...CHIME.map(note => note.after + note.ms));
}

/** The sample a time falls on. @param {number} ms @param {number} sampleRate */
export function sampleAt(ms, sampleRate) {
  return Math.round((ms * sampleRate) / 1000);
}

/** Bytes of a WAV file of this length and format. @param {number} ms @param {TrackFormat} format */
export function trackBytes(ms, format) {
  return WAV_HEADER_BYTES + sampleAt(ms, format.sampleRate) * format.channels;
}

/**
 * The best format whose track fits the budget, or null if even the lowest rate in mono does not.
 * @param {Plan} plan
 * @param {number} [budget]
 * @returns {TrackFormat | null}
 */
export function trackFormat(plan, budget = TRACK_BUDGET_BYTES) {
  const sided = plan.phases.some(phase => phase.data.side);
  const ms = trackMs(plan);
  const tries = SAMPLE_RATES.map(sampleRate => ({ sampleRate, channels: sided ? 2 : 1 }));
  if (sided) tries.push({ sampleRate: SAMPLE_RATES[SAMPLE_RATES.length - 1], channels: 1 }); // sides lost before sound is
  return tries.find(format => trackBytes(ms, format) <= budget) || null;
}

/**
 * The RIFF/WAVE header for 8-bit PCM.
 * @param {DataView} view
 * @param {number} dataBytes
 * @param {TrackFormat} format
 */
function writeHeader(view, dataBytes, { sampleRate, channels }) {
  /** @param {number} at @param {string} text */
  const ascii = (at, text) => [...text].forEach((char, i) => view.setUint8(at + i, char.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, WAV_HEADER_BYTES - 8 + dataBytes, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true); // the fmt chunk's size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels, true); // bytes per second
  view.setUint16(32, channels, true); // bytes per frame
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
}

/**
 * Adds one tone into the interleaved 8-bit samples: a quick rise, then a decay to silence; the
 * pitch glides from `from` to `to` over its first GLIDE_MS. Its first sample is never zero, so
 * the onset is exactly where the schedule puts it.
 * @param {Uint8Array} samples
 * @param {Cue} cue
 * @param {TrackFormat} format
 */
function addTone(samples, cue, { sampleRate, channels }) {
  const first = sampleAt(cue.at, sampleRate),
    count = sampleAt(cue.ms, sampleRate);
  const attack = Math.max(1, sampleAt(ATTACK_MS, sampleRate)),
    glide = sampleAt(GLIDE_MS, sampleRate);
  const decay = Math.log(0.001) / Math.max(1, count - attack); // down to a thousandth at its end
  const gains = channels === 1 ? [1] : [cue.pan > 0 ? 1 - cue.pan : 1, cue.pan < 0 ? 1 + cue.pan : 1];
  const frames = samples.length / channels;
  let phase = 0;
  for (let i = 0; i < count && first + i < frames; i++) {
    const envelope = i < attack ? (i + 1) / attack : Math.exp(decay * (i - attack));
    const value = cue.level * envelope * Math.cos(phase) * 127;
    for (let channel = 0; channel < channels; channel++) {
      const at = (first + i) * channels + channel;
      samples[at] = Math.min(255, Math.max(0, samples[at] + Math.round(value * gains[channel])));
    }
    const hz = cue.from + (cue.to - cue.from) * Math.min(1, i / Math.max(1, glide));
    phase += (2 * Math.PI * hz) / sampleRate;
  }
}

/**
 * The whole session's track as the bytes of a WAV file.
 * @param {Plan} plan
 * @param {TrackFormat} format
 * @returns {Uint8Array<ArrayBuffer>}
 */
export function renderTrack(plan, format) {
  const bytes = new Uint8Array(trackBytes(trackMs(plan), format));
  writeHeader(new DataView(bytes.buffer), bytes.length - WAV_HEADER_BYTES, format);
  const samples = bytes.subarray(WAV_HEADER_BYTES).fill(SILENCE);
  for (const cue of cuesFor(plan)) addTone(samples, cue, format);
  return bytes;
}
