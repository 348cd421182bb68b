// @ts-check
// Breathing Room breath pacer: <br-pacer data-pacer="ID" data-exercise="{json}" role="group"
// aria-label="...">, as the build hook writes it (render.py). The element reports
//   data-state  idle | running | paused | done
//   data-phase  the phase's action, "lead-in", or "" when not running or paused
//   data-cycle  the breath, from 1; 0 when idle
// and fires, bubbling, events named `br-pacer:VERB`:
//   br-pacer:phase     as each phase begins (detail: phase, action, cycle, step, side, cue, seconds)
//   br-pacer:start     a session starts (not a resume)
//   br-pacer:stop      reset, or left the page, while running or paused
//   br-pacer:finish    the last breath is done
//     (start, stop and finish: detail exercise, title, pattern, breaths done, seconds practised; on
//     the document once the element has left it) for whatever keeps a record (log-keeper.js)
//   br-pacer:settings  the reader changed breaths or pace (detail: cycles, pace)
// A payload's optional `settings` ({cycles, pace}, e.g. from a pattern's link) take the place of
// the remembered ones; its `paces` and `shortest_phase` say which paces to offer.
// The orb moves by a Web Animation set up once per phase at the offset the clock gives; script
// wakes only when the countdown or the phase changes (and, where timers have been seen running
// late, on the frames just before a phase change), at times computed from
// the schedule (pacer-schedule.js) and the session's clock: performance.now(), or, with sound on,
// the sound track's position once it plays (pacer-track.js), so sight and sound never part.
// An exercise with a breath hold names its caution box in data-hold-caution: until it starts, the
// pacer shows who should skip holds where the shape will breathe, beside Start (data-holds).
// Nothing starts, sounds or buzzes until the user asks. This module registers nothing: the page's
// pacer.js calls PacerElement.define().
import {
  clampCycles,
  frameWatchLead,
  lungsDuring,
  nextChangeAfter,
  originFor,
  pacesFor,
  planSession,
  positionAt,
  spokenSeconds,
} from './pacer-schedule.js';
import { canSpeak, hush, localVoice, speak } from './pacer-speech.js';
import { PacerTrack } from './pacer-track.js';

/** @typedef {import('./pacer-schedule.js').Exercise} Exercise */
/** @typedef {import('./pacer-schedule.js').Plan} Plan */
/** @typedef {import('./pacer-schedule.js').PlannedPhase} PlannedPhase */
/** @typedef {{cycles: number, pace: number, sound: boolean, speech: boolean, vibrate: boolean}} Settings */

/** @type {Record<string, number[]>} one pulse for in, two for out (ms on, off, on) */
const BUZZES = { 'breathe-in': [250], 'breathe-out': [100, 120, 100] };
const IDLE_CUE = 'Press Start when you are ready.';
const DONE_CUE = 'Well done. Breathe normally and notice how you feel.';
const SMALLEST = 0.55; // the orb's scale and opacity with empty lungs; 1 when full
const EASING = 'cubic-bezier(.37,0,.63,1)'; // a breath speeds up and slows down like a sine
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
/** @type {number[]} how late the page's last wake-up timers ran (ms): the engine's habit, shared by its pacers */
const timerLateness = [];

const UI = `<div class=br-pacer__stage aria-hidden=true><div class=br-pacer__orb></div><span class=br-pacer__count></span></div>
<p class=br-pacer__cue></p><p class=br-pacer__cycle></p><ol class=br-pacer__steps aria-label="One breath"></ol>
<progress class=br-pacer__progress max=1 value=0 aria-label="Session progress"></progress>
<div class=br-pacer__controls><button type=button class="br-pacer__btn br-pacer__btn--main" data-do=toggle>Start</button> <button type=button class=br-pacer__btn data-do=reset>Reset</button></div>
<details class=br-pacer__settings><summary>Breaths, pace and cues</summary>
<label>Breaths <input name=cycles type=number inputmode=numeric></label>
<label>Pace <select name=pace></select></label>
<label><input name=sound type=checkbox> Sound</label>
<label class=br-pacer__speech><input name=speech type=checkbox> Spoken cues</label>
<label class=br-pacer__vibrate><input name=vibrate type=checkbox> Vibration</label>
<button type=button class=br-pacer__btn data-do=defaults>Use defaults</button></details>
<p class=br-pacer__live role=status aria-live=polite></p>`;

/** The orb's look at a given fullness of the lungs (0 empty, 1 full). @param {number} full */
const orbFrame = full => {
  const size = SMALLEST + (1 - SMALLEST) * full;
  return { transform: `scale(${size})`, opacity: String(size) };
};

/** Settings are remembered per exercise; storage that throws (privacy modes) is simply not used. */
const storage = {
  /** @param {string} key @returns {Partial<Settings>} */
  read(key) {
    try {
      return JSON.parse(localStorage.getItem(key) || '{}') || {};
    } catch {
      return {};
    }
  },
  /** @param {string} key @param {Settings | null} value */
  write(key, value) {
    try {
      value ? localStorage.setItem(key, JSON.stringify(value)) : localStorage.removeItem(key);
    } catch {
      /* not kept */
    }
  },
};

export class PacerElement extends HTMLElement {
  /** Registers the element under `tag`, once: instant navigation runs the page's scripts again.
   * @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'br-pacer', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  /** @type {Exercise} */ #exercise = {
    id: '',
    lead_in: null,
    phases: [],
    cycles: { default: 1, min: 1, max: 1 },
    paces: [],
    shortest_phase: 0,
  };
  /** @type {HTMLElement | null} */ #ui = null;
  /** @type {number[]} */ #paces = [];
  /** @type {Settings} */ #settings = { cycles: 1, pace: 1, sound: false, speech: false, vibrate: false };
  /** @type {Plan} */ #plan = { phases: [], total: 0, cycles: 0, pace: 1 };
  #state = 'idle';
  #origin = 0; // performance.now() at the session's start (moved on by a pause)
  #pausedAt = 0; // ms into the session when paused
  #phaseIndex = -1; // the phase on screen, -1 for none
  #wakeTimer = 0;
  #wakeDue = 0; // performance.now() the wake-up timer is set for
  #approachTimer = 0; // starts the frame-by-frame approach to the next phase change
  #frame = 0;
  #shownCount = ''; // the countdown on screen: rewritten only when it changes
  /** @type {Animation | null} */ #motion = null;
  /** @type {WakeLockSentinel | null} */ #wakeLock = null;
  /** @type {PacerTrack | null} */ #track = null;
  #onVisibility = () => this.#visibilityChanged();

  connectedCallback() {
    if (!this.#ui) {
      try {
        this.#exercise = JSON.parse(this.dataset.exercise || '');
      } catch {
        return;
      } // keep the no-JS fallback
      this.#build();
    }
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#reset();
  }

  disconnectedCallback() {
    if (!this.#ui) return;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#reset();
  }

  #build() {
    const ui = document.createElement('div');
    ui.className = 'br-pacer__ui';
    ui.innerHTML = UI;
    this.append(ui);
    this.#ui = ui;
    this.#paces = pacesFor(this.#exercise);
    const pace = /** @type {HTMLSelectElement} */ (ui.querySelector('[name=pace]')),
      cycles = /** @type {HTMLInputElement} */ (this.#field('cycles'));
    const names = new Map(this.#exercise.paces.map(({ value, name }) => [value, name]));
    // In words only: "0.75×" (the seconds' multiplier) would read as slower to anyone used to a player's speeds.
    pace.append(...this.#paces.map(value => new Option(names.get(value) || String(value), String(value))));
    cycles.min = String(this.#exercise.cycles.min);
    cycles.max = String(this.#exercise.cycles.max);
    if (!('vibrate' in navigator)) this.#part('vibrate').hidden = true;
    if (!canSpeak()) this.#part('speech').hidden = true;
    this.#showHolds(document.getElementById(this.dataset.holdCaution || ''));
    this.addEventListener('click', event => {
      const control = /** @type {HTMLElement} */ (event.target).closest('[data-do]');
      const action = control instanceof HTMLElement ? control.dataset.do : '';
      if (action === 'toggle') this.#state === 'running' ? this.#pause() : this.#start();
      if (action === 'reset') this.#reset();
      if (action === 'defaults') this.#useDefaults();
    });
    this.addEventListener('change', event => this.#settingChanged(/** @type {HTMLInputElement} */ (event.target)));
    this.#loadSettings();
    this.dataset.ready = '';
  }

  /** Who should skip holds (the first hold line of the caution box named in data-hold-caution),
   * copied where the shape breathes: shown while idle, beside Start, and Start's description then
   * (the box stays for reading).
   * @param {HTMLElement | null} box */
  #showHolds(box) {
    const who = box?.querySelector('.br-hold-caution');
    if (!who) return;
    const note = document.createElement('div');
    note.className = 'br-pacer__holds';
    note.id = `br-holds-${this.#exercise.id}`; // Start's description, while idle: the stage is not read
    note.append(...[...who.childNodes].map(node => node.cloneNode(true)));
    this.#part('stage').append(note);
    this.dataset.holds = '';
  }

  /** @param {string} name */
  #part(name) {
    return /** @type {HTMLElement} */ (this.#ui?.querySelector('.br-pacer__' + name));
  }
  /** @param {string} name */
  #field(name) {
    return /** @type {HTMLInputElement} */ (this.#ui?.querySelector(`[name=${name}]`));
  }
  /** The key of this exercise's remembered settings: the element's old name, kept so readers keep them. */
  get #storageKey() {
    return 'breath-pacer:' + this.#exercise.id;
  }

  #loadSettings() {
    /** @type {Partial<Settings>} */
    const saved = { ...storage.read(this.#storageKey), ...this.#exercise.settings };
    this.#settings = {
      cycles: clampCycles(this.#exercise, saved.cycles),
      pace: this.#paces.includes(Number(saved.pace)) ? Number(saved.pace) : 1,
      sound: !!saved.sound,
      speech: !!saved.speech,
      vibrate: !!saved.vibrate,
    };
    for (const [name, value] of Object.entries(this.#settings)) {
      const field = this.#field(name);
      if (field.type === 'checkbox') field.checked = !!value;
      else field.value = String(value);
    }
    this.#replan();
  }

  /** @param {HTMLInputElement} field */
  #settingChanged(field) {
    const settings = this.#settings;
    if (field.name === 'cycles') field.value = String((settings.cycles = clampCycles(this.#exercise, field.value)));
    if (field.name === 'pace') settings.pace = Number(field.value);
    if (field.name === 'vibrate') settings.vibrate = field.checked;
    if (field.name === 'speech') {
      settings.speech = field.checked;
      if (settings.speech)
        localVoice(); // the browser starts loading its voices
      else hush();
    }
    if (field.name === 'sound') {
      settings.sound = field.checked;
      if (this.#state === 'running') settings.sound ? this.#playTrack(this.#time()) : this.#dropTrack();
    }
    storage.write(this.#storageKey, settings);
    if (field.name === 'cycles' || field.name === 'pace') {
      const detail = { cycles: settings.cycles, pace: settings.pace };
      this.dispatchEvent(new CustomEvent('br-pacer:settings', { bubbles: true, detail }));
      this.#replan();
      this.#reset();
    }
  }

  #useDefaults() {
    storage.write(this.#storageKey, null);
    this.#dropTrack();
    this.#loadSettings();
    this.#reset();
  }

  /** The session for the chosen breaths and pace, and the step list that shows one breath. */
  #replan() {
    const { cycles, pace } = this.#settings;
    this.#dropTrack(); // made for the old plan
    this.#plan = planSession(this.#exercise, cycles, pace);
    this.#part('steps').replaceChildren(
      ...this.#exercise.phases.map(phase => {
        const item = document.createElement('li');
        item.textContent = `${phase.label}${phase.side ? ' ' + phase.side : ''} ${spokenSeconds(phase.seconds * pace * 1000)}`;
        item.dataset.label = item.textContent; // the width it takes in bold, kept (pacer.css)
        return item;
      }),
    );
  }

  // Controls.
  #start() {
    if (this.#state === 'running') return;
    const fresh = this.#state !== 'paused';
    const from = fresh ? 0 : this.#pausedAt;
    this.#origin = originFor(performance.now(), from);
    this.#phaseIndex = -1; // resuming shows and announces the phase again
    this.#setState('running');
    if (this.#settings.sound) this.#playTrack(from);
    this.#keepScreenOn();
    this.#tick();
    if (fresh) this.#report('br-pacer:start', 0);
  }

  #pause() {
    if (this.#state !== 'running') return;
    // The display first catches up with the clock: a wake-up that came late (a busy phone) may have
    // left the count a second or more behind, and the paused display is where Resume goes on from.
    this.#tick();
    if (this.#state !== 'running') return; // the session had ended
    this.#pausedAt = this.#time();
    this.#halt(true);
    this.#motion?.pause();
    if (this.#motion) this.#motion.currentTime = positionAt(this.#plan, this.#pausedAt).elapsed;
    this.#setState('paused');
    this.#say('Paused');
  }

  #reset() {
    if (this.#state === 'running' || this.#state === 'paused') {
      this.#report('br-pacer:stop', this.#state === 'paused' ? this.#pausedAt : this.#time());
    }
    this.#halt();
    this.#pausedAt = 0;
    this.#phaseIndex = -1;
    this.#setState('idle');
    this.#showStill(false);
  }

  #finish() {
    this.#halt(true); // the track plays on to ring the end chime
    this.#setState('done');
    this.dataset.cycle = String(this.#settings.cycles);
    this.#showStill(true);
    this.#report('br-pacer:finish', this.#plan.total);
  }

  /** A session's start or end, for a practice log: what was done, never how the element works.
   * @param {string} name @param {number} ms into the session */
  #report(name, ms) {
    const { phase } = positionAt(this.#plan, ms);
    const done = name === 'br-pacer:finish';
    const detail = {
      exercise: this.#exercise.id,
      title: (this.getAttribute('aria-label') || '').replace(/ pacer$/, ''),
      pattern: [...this.#part('steps').children].map(item => item.textContent).join(' · '),
      breaths: done ? this.#settings.cycles : Math.max(0, (phase?.cycle || 1) - 1),
      seconds: Math.round(ms / 100) / 10,
    };
    (this.isConnected ? this : document).dispatchEvent(new CustomEvent(name, { bubbles: true, detail }));
  }

  /** Stops everything that runs on its own: the wake-up timer, the track (unless kept, paused or
   * ringing out), speech, vibration, the wake lock. @param {boolean} [keepTrack] */
  #halt(keepTrack = false) {
    clearTimeout(this.#wakeTimer);
    clearTimeout(this.#approachTimer);
    cancelAnimationFrame(this.#frame);
    this.#wakeTimer = 0;
    if (keepTrack && this.#state === 'running' && this.#plan.total > this.#time()) this.#track?.pause();
    if (!keepTrack) this.#dropTrack();
    hush();
    if (this.#settings.vibrate && this.#state === 'running')
      try {
        navigator.vibrate(0);
      } catch {
        /* no vibration */
      }
    this.#wakeLock?.release().catch(() => {});
    this.#wakeLock = null;
  }

  /** @param {string} state */
  #setState(state) {
    this.#state = this.dataset.state = state;
    const busy = state === 'running' || state === 'paused';
    const holds = this.#part('holds'),
      main = this.#part('btn--main');
    if (holds && state === 'idle') main.setAttribute('aria-describedby', holds.id);
    else main.removeAttribute('aria-describedby');
    this.#part('btn--main').textContent = state === 'running' ? 'Pause' : state === 'paused' ? 'Resume' : 'Start';
    for (const control of [this.#field('cycles'), this.#field('pace'), this.#ui?.querySelector('[data-do=defaults]')]) {
      /** @type {HTMLButtonElement} */ (control).disabled = busy;
    }
    if (!busy) this.dataset.phase = '';
    if (state === 'idle') this.dataset.cycle = '0';
  }

  /** Idle and done: a still display, the orb at rest (as the first phase starts, as the last ends).
   * @param {boolean} done */
  #showStill(done) {
    const { cycles } = this.#settings,
      phases = this.#plan.phases;
    this.#part('cue').textContent = done ? DONE_CUE : IDLE_CUE;
    this.#part('cycle').textContent = done ? `${cycles} of ${cycles} breaths done` : `${cycles} breaths`;
    this.#part('count').textContent = this.#shownCount = '';
    /** @type {HTMLProgressElement} */ (this.#part('progress')).value = done ? 1 : 0;
    for (const item of this.#part('steps').children) item.removeAttribute('aria-current');
    const [emptyAtStart] = lungsDuring(phases[0].data.action),
      [, fullAtEnd] = lungsDuring(phases[phases.length - 1].data.action);
    this.#moveOrb(done ? fullAtEnd : emptyAtStart, done ? fullAtEnd : emptyAtStart, 0, 0);
    if (done) this.#say(DONE_CUE);
  }

  /** One wake: bring the display to the clock, then sleep until the next change the schedule names. */
  #tick = () => {
    clearTimeout(this.#wakeTimer);
    clearTimeout(this.#approachTimer);
    const t = this.#time();
    if (t >= this.#plan.total) return this.#finish();
    const position = positionAt(this.#plan, t),
      phase = /** @type {PlannedPhase} */ (position.phase);
    const entered = position.index !== this.#phaseIndex,
      count = String(position.secondsLeft);
    if (entered) this.#enter(position.index, phase, position.elapsed);
    if (entered || count !== this.#shownCount) {
      // An unchanged page is not touched: a write, even of the same text, costs the browser a frame.
      this.#part('count').textContent = this.#shownCount = count;
      /** @type {HTMLProgressElement} */ (this.#part('progress')).value =
        (reducedMotion.matches ? phase.start : t) / this.#plan.total;
    }
    const next = nextChangeAfter(this.#plan, t);
    this.#wakeDue = performance.now() + (next - t);
    this.#wakeTimer = window.setTimeout(this.#woken, next - t);
    // Where timers run late (Firefox's, by up to a tenth of a second with its main thread idle and
    // every frame on time), a phase change is met by frames as well: frame callbacks are not late.
    cancelAnimationFrame(this.#frame);
    const lead = next === phase.end ? frameWatchLead(timerLateness) : 0;
    if (lead > 0 && next - t > lead) {
      this.#approachTimer = window.setTimeout(() => this.#approach(next), next - t - lead);
    } else if (lead > 0) this.#approach(next);
  };

  /** The wake-up timer ran: note how late (not while hidden, when browsers slow timers on purpose). */
  #woken = () => {
    if (!document.hidden && timerLateness.push(performance.now() - this.#wakeDue) > 16) timerLateness.shift();
    this.#tick();
  };

  /** Checks once a frame, from shortly before a phase change, and ticks on the first frame at or
   * after it. Hidden pages get no frames; the timer set in #tick still comes. @param {number} change */
  #approach(change) {
    this.#frame = requestAnimationFrame(() => {
      if (this.#state !== 'running') return;
      if (this.#time() >= change) this.#tick();
      else this.#approach(change);
    });
  }

  /** Once per phase: what it looks like, then the announcement, the spoken cue, the buzz, the event.
   * @param {number} index @param {PlannedPhase} phase @param {number} elapsed */
  #enter(index, phase, elapsed) {
    const { cycles } = this.#settings,
      data = phase.data,
      seconds = (phase.end - phase.start) / 1000;
    this.#phaseIndex = index;
    this.#show(phase, elapsed);
    this.#say(
      `${phase.step === 0 ? `Breath ${phase.cycle} of ${cycles}. ` : ''}${data.cue}, ${spokenSeconds(seconds * 1000)} seconds.`,
    );
    if (this.#settings.speech) speak(`${phase.step === 0 ? `Breath ${phase.cycle}. ` : ''}${data.label}`);
    const buzz = BUZZES[data.action];
    if (this.#settings.vibrate && buzz && !document.hidden)
      try {
        navigator.vibrate(buzz);
      } catch {
        /* no vibration */
      }
    this.dispatchEvent(
      new CustomEvent('br-pacer:phase', {
        bubbles: true,
        detail: {
          phase: phase.name,
          action: data.action,
          cycle: phase.cycle,
          step: phase.step,
          side: data.side || null,
          cue: data.cue,
          seconds,
        },
      }),
    );
  }

  /** A phase on screen: attributes, words, the step list, the orb's motion from `elapsed` ms in.
   * @param {PlannedPhase} phase @param {number} elapsed */
  #show(phase, elapsed) {
    const [from, to] = lungsDuring(phase.data.action);
    this.dataset.phase = phase.name;
    this.dataset.cycle = String(phase.cycle);
    this.#part('cue').textContent = phase.data.cue;
    this.#part('cycle').textContent =
      phase.step < 0 ? 'Getting ready' : `Breath ${phase.cycle} of ${this.#settings.cycles}`;
    [...this.#part('steps').children].forEach((item, step) =>
      item.toggleAttribute('aria-current', step === phase.step),
    );
    this.#moveOrb(from, to, phase.end - phase.start, elapsed);
  }

  /** Paused, and the track moved (a lock-screen scrubber): show where Resume will go on from. */
  #showPaused() {
    const { phase, elapsed, secondsLeft } = positionAt(this.#plan, this.#pausedAt);
    if (!phase) return;
    this.#show(phase, elapsed);
    this.#motion?.pause();
    this.#part('count').textContent = this.#shownCount = String(secondsLeft);
    /** @type {HTMLProgressElement} */ (this.#part('progress')).value = this.#pausedAt / this.#plan.total;
  }

  /** The orb goes from one fullness to another over `duration` ms, already `elapsed` ms in: one
   * animation on transform and opacity that the compositor runs. Reduced motion: none at all.
   * @param {number} from @param {number} to @param {number} duration @param {number} elapsed */
  #moveOrb(from, to, duration, elapsed) {
    const orb = this.#part('orb');
    this.#motion?.cancel();
    this.#motion = null;
    if (reducedMotion.matches) return orb.removeAttribute('style'); // still; words and steps carry the rhythm
    Object.assign(orb.style, orbFrame(to));
    if (from === to || !duration) return;
    this.#motion = orb.animate([orbFrame(from), orbFrame(to)], { duration, easing: EASING });
    this.#motion.currentTime = elapsed;
  }

  /** @param {string} words */
  #say(words) {
    this.#part('live').textContent = words;
  }

  /** Hidden tab: without sound, pause; with sound, the track plays on and the display catches up on return. */
  #visibilityChanged() {
    if (this.#state !== 'running') return;
    if (document.hidden) {
      if (!this.#settings.sound) this.#pause();
    } else {
      this.#keepScreenOn();
      this.#tick();
      this.#resyncOrb();
    }
  }

  /** The orb's motion set again from the clock, after a time when the page may not have drawn. */
  #resyncOrb() {
    const { phase, elapsed } = positionAt(this.#plan, this.#time());
    if (this.#state !== 'running' || !phase) return;
    const [from, to] = lungsDuring(phase.data.action);
    this.#moveOrb(from, to, phase.end - phase.start, elapsed);
    if (this.#track?.waiting) this.#motion?.pause(); // the sound stalls: so does the breath
  }

  #keepScreenOn() {
    if (this.#wakeLock && !this.#wakeLock.released) return;
    navigator.wakeLock?.request('screen').then(
      lock => {
        if (this.#state === 'running' && this.isConnected) this.#wakeLock = lock;
        else lock.release();
      },
      () => {},
    );
  }

  /** ms into the session: the sound track's position once it plays (a pause, seek or stall in the
   * track moves the display with it), else the page's clock. */
  #time() {
    if (this.#state === 'paused') return this.#pausedAt;
    return this.#track?.started ? this.#track.ms : performance.now() - this.#origin;
  }

  // Sound: the whole session rendered into one track, made on a tap (Start, or ticking Sound).
  /** @param {number} from ms into the session */
  #playTrack(from) {
    if (!this.#track) {
      const title = this.querySelector('.br-pacer__fallback p')?.textContent || this.#exercise.id;
      const site =
        document.querySelector('meta[name=apple-mobile-web-app-title]')?.getAttribute('content') || document.title;
      this.#track = PacerTrack.make(
        this.#plan,
        { title, site },
        {
          play: () => this.#state === 'paused' && this.#start(),
          pause: () => this.#pause(),
          stop: () => this.#reset(),
          moved: () => this.#trackMoved(),
          ended: () => this.#state === 'done' && this.#dropTrack(),
        },
      );
      if (!this.#track)
        return this.#say('This session is too long for its sound track: choose fewer breaths for sound.');
      this.#ui?.append(this.#track.audio);
    }
    this.#track.play(from).catch(() => {}); // refused (no tap, no output): the page clock goes on
  }

  /** The track seeked, stalled or went on: the display follows it at once. */
  #trackMoved() {
    if (this.#state === 'paused' && this.#track) {
      this.#pausedAt = this.#track.ms; // resuming goes on from there
      this.#showPaused();
    }
    if (this.#state !== 'running') return;
    this.#origin = originFor(performance.now(), this.#time()); // where the page clock takes over if the track goes
    this.#tick();
    this.#resyncOrb();
  }

  #dropTrack() {
    const track = this.#track;
    if (!track) return;
    if (this.#state === 'running') this.#origin = originFor(performance.now(), this.#time());
    this.#track = null;
    track.close();
  }
}
