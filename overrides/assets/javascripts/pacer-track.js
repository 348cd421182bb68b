// @ts-check
// The session's sound track as media: the WAV that pacer-audio.js renders, played by one <audio>
// element, so a phone treats it as it treats music (it keeps playing with the screen locked and
// shows on the lock screen). Media Session gives the lock screen the exercise's name and the
// site's icons, and its play, pause and stop buttons reach the pacer. The pacer reads `ms` as its
// clock once the track plays: a pause, a seek or a stall in the track moves the display with it.
import { renderTrack, trackFormat, trackMs } from './pacer-audio.js';

/** @typedef {import('./pacer-schedule.js').Plan} Plan */
/**
 * @typedef {object} TrackListener  What the pacer hears from the track and the lock screen.
 * @property {() => void} play    someone else (the lock screen, the browser) started it
 * @property {() => void} pause   someone else paused it
 * @property {() => void} stop
 * @property {() => void} moved   it seeked, stalled or went on again: the display must follow
 * @property {() => void} ended
 */

const ARTWORK = [192, 512].map(size => ({
  src: new URL(`../images/icon-${size}.png`, import.meta.url).href,
  sizes: `${size}x${size}`,
  type: 'image/png',
}));
/** @type {PacerTrack | null} the track the lock screen controls: the last one played */
let owner = null;

export class PacerTrack {
  /** @type {HTMLAudioElement} */ audio;
  #url = '';
  #duration = 0; // s
  /** Once the track has played, it is the session's clock. */
  started = false;
  /** Playing was asked for, but the track waits for data. */
  waiting = false;
  /** Bytes of the rendered WAV, and ms it took to render, for the bench. */
  size = 0;
  renderMs = 0;

  /**
   * The track for a plan, or null when even the smallest format would not fit the budget.
   * @param {Plan} plan @param {{title: string, site: string}} labels @param {TrackListener} listener
   */
  static make(plan, labels, listener) {
    const format = trackFormat(plan);
    return format && new PacerTrack(plan, format, labels, listener);
  }

  /**
   * @param {Plan} plan @param {import('./pacer-audio.js').TrackFormat} format
   * @param {{title: string, site: string}} labels @param {TrackListener} listener
   */
  constructor(plan, format, labels, listener) {
    const began = performance.now();
    const bytes = renderTrack(plan, format);
    this.renderMs = performance.now() - began;
    this.size = bytes.length;
    this.#url = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
    this.#duration = trackMs(plan) / 1000;
    this.labels = labels;
    this.listener = listener;
    const audio = (this.audio = document.createElement('audio'));
    audio.className = 'br-pacer__track';
    audio.preload = 'auto';
    audio.src = this.#url;
    audio.addEventListener('playing', () => {
      this.started = true;
      this.waiting = false;
      this.#showState();
      listener.moved();
    });
    audio.addEventListener('waiting', () => {
      this.waiting = true;
      listener.moved();
    });
    audio.addEventListener('seeked', () => {
      this.#showState();
      listener.moved();
    });
    audio.addEventListener('play', () => listener.play());
    audio.addEventListener('pause', () => {
      this.#showState();
      if (!audio.ended) listener.pause();
    });
    audio.addEventListener('ended', () => {
      if (owner === this) navigator.mediaSession.playbackState = 'none';
      listener.ended();
    });
  }

  /** Where the track is, in ms from the session's start. */
  get ms() {
    return this.audio.currentTime * 1000;
  }

  /** Plays from `ms` (a tap must be on the stack: browsers allow sound only after one). @param {number} ms */
  play(ms) {
    if (Math.abs(this.ms - ms) > 1) this.audio.currentTime = ms / 1000;
    this.#claimMediaSession();
    return this.audio.play();
  }

  pause() {
    this.audio.pause();
  }

  /** Stops and lets go of the track and the lock screen's controls. */
  close() {
    const audio = this.audio;
    audio.pause();
    audio.remove();
    audio.removeAttribute('src');
    audio.load();
    URL.revokeObjectURL(this.#url);
    if (owner === this && 'mediaSession' in navigator) {
      owner = null;
      navigator.mediaSession.metadata = null;
      navigator.mediaSession.playbackState = 'none';
      for (const action of /** @type {const} */ (['play', 'pause', 'stop', 'seekto'])) {
        navigator.mediaSession.setActionHandler(action, null);
      }
    }
  }

  #claimMediaSession() {
    // iOS 17+: a playback session is not muted by the ring/silent switch.
    const withSession = /** @type {{audioSession?: {type: string}}} */ (/** @type {unknown} */ (navigator));
    if (withSession.audioSession) withSession.audioSession.type = 'playback';
    if (!('mediaSession' in navigator) || owner === this) return;
    owner = this;
    const session = navigator.mediaSession,
      listener = this.listener;
    session.metadata = new MediaMetadata({ title: this.labels.title, artist: this.labels.site, artwork: ARTWORK });
    /** @type {[MediaSessionAction, MediaSessionActionHandler][]} */
    const handlers = [
      ['play', () => listener.play()],
      ['pause', () => listener.pause()],
      ['stop', () => listener.stop()],
      [
        'seekto',
        details => {
          if (details.seekTime !== undefined) this.audio.currentTime = details.seekTime;
        },
      ],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        /* an action this browser does not know */
      }
    }
  }

  /** The lock screen's play/pause button and progress bar. */
  #showState() {
    if (owner !== this) return;
    const audio = this.audio,
      session = navigator.mediaSession;
    session.playbackState = audio.paused ? 'paused' : 'playing';
    try {
      session.setPositionState?.({
        duration: this.#duration,
        playbackRate: audio.playbackRate || 1,
        position: Math.min(audio.currentTime, this.#duration),
      });
    } catch {
      /* not while the duration is unknown */
    }
  }
}
