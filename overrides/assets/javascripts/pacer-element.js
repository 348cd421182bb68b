// @ts-check
// Breathing Room breath pacer: <breath-pacer data-pacer="ID" data-exercise="{json}" role="group"
// aria-label="...">, as the build hook writes it. The element reports
//   data-state  idle | running | paused | done
//   data-phase  the phase's action, "lead-in", or "" when not running or paused
//   data-cycle  the breath, from 1; 0 when idle
// and fires `breath-pacer:phase` (bubbles; detail: phase, action, cycle, step, side, cue, seconds)
// as each phase begins. The orb moves by a Web Animation set up once per phase at the offset the
// clock gives; script wakes only when the countdown or the phase changes, at times computed from
// performance.now() and the schedule (pacer-schedule.js). Nothing starts, sounds or buzzes until
// the user asks.
import {
  clampCycles, lungsDuring, nextChangeAfter, originFor, pacesFor, planSession, positionAt, spokenSeconds,
} from './pacer-schedule.js';

/** @typedef {import('./pacer-schedule.js').Exercise} Exercise */
/** @typedef {import('./pacer-schedule.js').Plan} Plan */
/** @typedef {import('./pacer-schedule.js').PlannedPhase} PlannedPhase */
/** @typedef {{cycles: number, pace: number, sound: boolean, vibrate: boolean}} Settings */

const PACE_NAMES = { 0.75: 'Faster', 0.9: 'A little faster', 1: 'As written', 1.25: 'A little slower', 1.5: 'Slower' };
/** @type {Record<string, [number, number]>} Hz glide; holds get one flat note */
const TONES = { 'breathe-in': [392, 523], 'breathe-out': [523, 349] };
/** @type {Record<string, number[]>} */
const BUZZES = { 'breathe-in': [250], 'breathe-out': [70, 60, 70, 60, 70] };
const IDLE_CUE = 'Press Start when you are ready.';
const DONE_CUE = 'Well done. Breathe normally and notice how you feel.';
const SMALLEST = 0.55; // the orb's scale and opacity with empty lungs; 1 when full
const EASING = 'cubic-bezier(.37,0,.63,1)'; // a breath speeds up and slows down like a sine
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

const UI = `<div class=br-pacer__stage aria-hidden=true><div class=br-pacer__orb></div><span class=br-pacer__count></span></div>
<p class=br-pacer__cue></p><p class=br-pacer__cycle></p><ol class=br-pacer__steps aria-label="One breath"></ol>
<progress class=br-pacer__progress max=1 value=0 aria-label="Session progress"></progress>
<div class=br-pacer__controls><button type=button class="br-pacer__btn br-pacer__btn--main" data-do=toggle>Start</button> <button type=button class=br-pacer__btn data-do=reset>Reset</button></div>
<details class=br-pacer__settings><summary>Breaths, pace and cues</summary>
<label>Breaths <input name=cycles type=number inputmode=numeric></label>
<label>Pace <select name=pace></select></label>
<label><input name=sound type=checkbox> Sound</label>
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
  read(key) { try { return JSON.parse(localStorage.getItem(key) || '{}') || {}; } catch { return {}; } },
  /** @param {string} key @param {Settings | null} value */
  write(key, value) {
    try { value ? localStorage.setItem(key, JSON.stringify(value)) : localStorage.removeItem(key); } catch { /* not kept */ }
  },
};

export class BreathPacer extends HTMLElement {
  /** @type {Exercise} */ #exercise = /** @type {any} */ (null);
  /** @type {HTMLElement | null} */ #ui = null;
  /** @type {number[]} */ #paces = [];
  /** @type {Settings} */ #settings = { cycles: 1, pace: 1, sound: false, vibrate: false };
  /** @type {Plan} */ #plan = /** @type {any} */ (null);
  #state = 'idle';
  #origin = 0; // performance.now() at the session's start (moved on by a pause)
  #pausedAt = 0; // ms into the session when paused
  #phaseIndex = -1; // the phase on screen, -1 for none
  #wakeTimer = 0;
  /** @type {Animation | null} */ #motion = null;
  /** @type {WakeLockSentinel | null} */ #wakeLock = null;
  /** @type {AudioContext | null} */ #audio = null;
  /** @type {Set<OscillatorNode>} */ #tones = new Set();
  #nextTone = 0; // index of the next phase whose tone is not yet on the audio clock
  #onVisibility = () => this.#visibilityChanged();

  /** Registers the element once, however many times the script runs (instant navigation). */
  static define(name = 'breath-pacer') {
    if (!customElements.get(name)) customElements.define(name, this);
  }

  connectedCallback() {
    if (!this.#ui) {
      try { this.#exercise = JSON.parse(this.dataset.exercise || ''); } catch { return; } // keep the no-JS fallback
      this.#build();
    }
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#reset();
  }

  disconnectedCallback() {
    if (!this.#ui) return;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#reset();
    this.#audio?.close().catch(() => {});
    this.#audio = null;
  }

  #build() {
    const ui = document.createElement('div');
    ui.className = 'br-pacer__ui';
    ui.innerHTML = UI;
    this.append(ui);
    this.#ui = ui;
    this.#paces = pacesFor(this.#exercise);
    const pace = /** @type {HTMLSelectElement} */ (ui.querySelector('[name=pace]')), cycles = /** @type {HTMLInputElement} */ (this.#field('cycles'));
    pace.append(...this.#paces.map(value => new Option(`${PACE_NAMES[/** @type {1} */ (value)]} (${value}×)`, String(value))));
    cycles.min = String(this.#exercise.cycles.min);
    cycles.max = String(this.#exercise.cycles.max);
    if (!('vibrate' in navigator)) this.#part('vibrate').hidden = true;
    this.addEventListener('click', event => {
      const control = /** @type {HTMLElement} */ (event.target).closest('[data-do]');
      const action = control instanceof HTMLElement ? control.dataset.do : '';
      if (action == 'toggle') this.#state == 'running' ? this.#pause() : this.#start();
      if (action == 'reset') this.#reset();
      if (action == 'defaults') this.#useDefaults();
    });
    this.addEventListener('change', event => this.#settingChanged(/** @type {HTMLInputElement} */ (event.target)));
    this.#loadSettings();
    this.dataset.ready = '';
  }

  /** @param {string} name */
  #part(name) { return /** @type {HTMLElement} */ (this.#ui?.querySelector('.br-pacer__' + name)); }
  /** @param {string} name */
  #field(name) { return /** @type {HTMLInputElement} */ (this.#ui?.querySelector(`[name=${name}]`)); }
  get #storageKey() { return 'breath-pacer:' + this.#exercise.id; }

  #loadSettings() {
    const saved = storage.read(this.#storageKey);
    this.#settings = {
      cycles: clampCycles(this.#exercise, saved.cycles),
      pace: this.#paces.includes(Number(saved.pace)) ? Number(saved.pace) : 1,
      sound: !!saved.sound,
      vibrate: !!saved.vibrate,
    };
    for (const [name, value] of Object.entries(this.#settings)) {
      const field = this.#field(name);
      if (field.type == 'checkbox') field.checked = !!value;
      else field.value = String(value);
    }
    this.#replan();
  }

  /** @param {HTMLInputElement} field */
  #settingChanged(field) {
    const settings = this.#settings;
    if (field.name == 'cycles') field.value = String(settings.cycles = clampCycles(this.#exercise, field.value));
    if (field.name == 'pace') settings.pace = Number(field.value);
    if (field.name == 'vibrate') settings.vibrate = field.checked;
    if (field.name == 'sound') {
      settings.sound = field.checked;
      settings.sound ? this.#startAudio() : this.#silence();
    }
    storage.write(this.#storageKey, settings);
    if (field.name == 'cycles' || field.name == 'pace') {
      this.#replan();
      this.#reset();
    }
  }

  #useDefaults() {
    storage.write(this.#storageKey, null);
    this.#silence();
    this.#loadSettings();
    this.#reset();
  }

  /** The session for the chosen breaths and pace, and the step list that shows one breath. */
  #replan() {
    const { cycles, pace } = this.#settings;
    this.#plan = planSession(this.#exercise, cycles, pace);
    this.#part('steps').replaceChildren(...this.#exercise.phases.map(phase => {
      const item = document.createElement('li');
      item.textContent = `${phase.label}${phase.side ? ' ' + phase.side : ''} ${spokenSeconds(phase.seconds * pace * 1000)}`;
      return item;
    }));
  }

  // Controls.
  #start() {
    this.#origin = originFor(performance.now(), this.#state == 'paused' ? this.#pausedAt : 0);
    this.#phaseIndex = -1; // resuming shows and announces the phase again
    this.#setState('running');
    this.#startAudio();
    this.#keepScreenOn();
    this.#tick();
  }

  #pause() {
    this.#pausedAt = performance.now() - this.#origin;
    this.#halt();
    this.#motion?.pause();
    if (this.#motion) this.#motion.currentTime = positionAt(this.#plan, this.#pausedAt).elapsed;
    this.#setState('paused');
    this.#say('Paused');
  }

  #reset() {
    this.#halt();
    this.#pausedAt = 0;
    this.#phaseIndex = -1;
    this.#setState('idle');
    this.#showStill(false);
  }

  #finish() {
    this.#halt();
    this.#setState('done');
    this.dataset.cycle = String(this.#settings.cycles);
    this.#showStill(true);
  }

  /** Stops everything that runs on its own: the wake-up timer, tones, vibration, the wake lock. */
  #halt() {
    clearTimeout(this.#wakeTimer);
    this.#wakeTimer = 0;
    this.#silence();
    if (this.#settings.vibrate && this.#state == 'running') try { navigator.vibrate(0); } catch { /* no vibration */ }
    this.#wakeLock?.release().catch(() => {});
    this.#wakeLock = null;
  }

  /** @param {string} state */
  #setState(state) {
    this.#state = this.dataset.state = state;
    const busy = state == 'running' || state == 'paused';
    this.#part('btn--main').textContent = state == 'running' ? 'Pause' : state == 'paused' ? 'Resume' : 'Start';
    for (const control of [this.#field('cycles'), this.#field('pace'), this.#ui?.querySelector('[data-do=defaults]')]) {
      /** @type {HTMLButtonElement} */ (control).disabled = busy;
    }
    if (!busy) this.dataset.phase = '';
    if (state == 'idle') this.dataset.cycle = '0';
  }

  /** Idle and done: a still display, the orb at rest (as the first phase starts, as the last ends).
   * @param {boolean} done */
  #showStill(done) {
    const { cycles } = this.#settings, phases = this.#plan.phases;
    this.#part('cue').textContent = done ? DONE_CUE : IDLE_CUE;
    this.#part('cycle').textContent = done ? `${cycles} of ${cycles} breaths done` : `${cycles} breaths`;
    this.#part('count').textContent = '';
    /** @type {HTMLProgressElement} */ (this.#part('progress')).value = done ? 1 : 0;
    for (const item of this.#part('steps').children) item.removeAttribute('aria-current');
    const [emptyAtStart] = lungsDuring(phases[0].data.action), [, fullAtEnd] = lungsDuring(phases[phases.length - 1].data.action);
    this.#moveOrb(done ? fullAtEnd : emptyAtStart, done ? fullAtEnd : emptyAtStart, 0, 0);
    if (done) this.#say(DONE_CUE);
  }

  /** One wake: bring the display to the clock, then sleep until the next change the schedule names. */
  #tick = () => {
    clearTimeout(this.#wakeTimer);
    const now = performance.now(), t = now - this.#origin;
    if (t >= this.#plan.total) return this.#finish();
    const position = positionAt(this.#plan, t), phase = /** @type {PlannedPhase} */ (position.phase);
    if (position.index != this.#phaseIndex) this.#enter(position.index, phase, position.elapsed);
    this.#part('count').textContent = String(position.secondsLeft);
    /** @type {HTMLProgressElement} */ (this.#part('progress')).value = (reducedMotion.matches ? phase.start : t) / this.#plan.total;
    this.#scheduleTones(t);
    this.#wakeTimer = window.setTimeout(this.#tick, nextChangeAfter(this.#plan, t) - t);
  };

  /** Once per phase: attributes, words, the step list, the orb's motion, the announcement, the buzz, the event.
   * @param {number} index @param {PlannedPhase} phase @param {number} elapsed */
  #enter(index, phase, elapsed) {
    const { cycles } = this.#settings, data = phase.data, seconds = (phase.end - phase.start) / 1000;
    this.#phaseIndex = index;
    this.dataset.phase = phase.name;
    this.dataset.cycle = String(phase.cycle);
    this.#part('cue').textContent = data.cue;
    this.#part('cycle').textContent = phase.step < 0 ? 'Getting ready' : `Breath ${phase.cycle} of ${cycles}`;
    [...this.#part('steps').children].forEach((item, step) => item.toggleAttribute('aria-current', step == phase.step));
    const [from, to] = lungsDuring(data.action);
    this.#moveOrb(from, to, phase.end - phase.start, elapsed);
    this.#say(`${phase.step == 0 ? `Breath ${phase.cycle} of ${cycles}. ` : ''}${data.cue}, ${spokenSeconds(seconds * 1000)} seconds.`);
    const buzz = BUZZES[data.action];
    if (this.#settings.vibrate && buzz && !document.hidden) try { navigator.vibrate(buzz); } catch { /* no vibration */ }
    this.dispatchEvent(new CustomEvent('breath-pacer:phase', {
      bubbles: true,
      detail: { phase: phase.name, action: data.action, cycle: phase.cycle, step: phase.step, side: data.side || null, cue: data.cue, seconds },
    }));
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
    if (from == to || !duration) return;
    this.#motion = orb.animate([orbFrame(from), orbFrame(to)], { duration, easing: EASING });
    this.#motion.currentTime = elapsed;
  }

  /** @param {string} words */
  #say(words) { this.#part('live').textContent = words; }

  /** Hidden tab: without sound, pause; with sound, keep the tones going and catch up on return. */
  #visibilityChanged() {
    if (this.#state != 'running') return;
    if (document.hidden) {
      if (!this.#settings.sound) return this.#pause();
      this.#scheduleTones(performance.now() - this.#origin);
    } else {
      if (this.#settings.sound && this.#audio?.state != 'running') this.#startAudio();
      this.#keepScreenOn();
      this.#tick();
      this.#resyncOrb();
    }
  }

  /** The orb's motion set again from the clock, after a time when the page may not have drawn. */
  #resyncOrb() {
    const { phase, elapsed } = positionAt(this.#plan, performance.now() - this.#origin);
    if (this.#state != 'running' || !phase) return;
    const [from, to] = lungsDuring(phase.data.action);
    this.#moveOrb(from, to, phase.end - phase.start, elapsed);
  }

  #keepScreenOn() {
    if (this.#wakeLock && !this.#wakeLock.released) return;
    navigator.wakeLock?.request('screen').then(lock => {
      if (this.#state == 'running' && this.isConnected) this.#wakeLock = lock;
      else lock.release();
    }, () => {});
  }

  // Sound. The context is made on the user's tap and made anew after an interruption (iOS).
  // Turning sound on is a tap too: the context starts then, so the first tone of a session is on time.
  #startAudio() {
    if (!this.#settings.sound) return;
    let context = this.#audio;
    if (!context || context.state == 'closed' || /** @type {string} */ (context.state) == 'interrupted') {
      context?.close().catch(() => {});
      try { context = this.#audio = new AudioContext(); } catch { return; }
      const made = context;
      made.onstatechange = () => made.state == 'running' && this.#scheduleTones(performance.now() - this.#origin);
    }
    context.resume().catch(() => {});
    if (this.#state != 'running') return;
    this.#silence();
    this.#scheduleTones(performance.now() - this.#origin);
  }

  /** Tones for the phases that start before the next wake-ups, each placed on the audio clock.
   * @param {number} t ms into the session */
  #scheduleTones(t) {
    const context = this.#audio;
    if (!context || context.state != 'running' || !this.#settings.sound || this.#state != 'running') return;
    // A hidden tab gets few timer runs, so the next minute goes onto the audio clock at once.
    // Otherwise a new context's clock is still settling: only the next tone until it has run a while.
    const ahead = document.hidden ? 7e4 : context.currentTime < 0.5 ? 300 : 3e3;
    for (let phase; (phase = this.#plan.phases[this.#nextTone]) && phase.start < t + ahead; this.#nextTone++) {
      // A phase that began a moment ago (while the context started) still gets its tone.
      if (phase.start >= t - 250) this.#tone(phase, this.#heardAt(context, this.#origin + phase.start));
    }
  }

  /** The audio-clock time that is heard at page time `ms`. The output timestamp pairs the two
   * clocks at the speaker, so the output latency is allowed for.
   * @param {AudioContext} context @param {number} ms */
  #heardAt(context, ms) {
    const stamp = context.getOutputTimestamp?.() || {};
    const at = stamp.performanceTime && stamp.performanceTime > 0 ? (stamp.contextTime || 0) + (ms - stamp.performanceTime) / 1000
      : context.currentTime + (ms - performance.now()) / 1000 - (context.outputLatency || context.baseLatency || 0);
    return Math.max(context.currentTime, at);
  }

  /** @param {PlannedPhase} phase @param {number} when */
  #tone(phase, when) {
    const context = /** @type {AudioContext} */ (this.#audio);
    const oscillator = context.createOscillator(), gain = context.createGain(), panner = context.createStereoPanner();
    const [from, to] = TONES[phase.data.action] || [440, 440];
    oscillator.frequency.setValueAtTime(from, when);
    oscillator.frequency.linearRampToValueAtTime(to, when + 0.6);
    gain.gain.setValueAtTime(0, when);
    gain.gain.linearRampToValueAtTime(0.12, when + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.001, when + 1);
    panner.pan.value = phase.data.side == 'left' ? -1 : phase.data.side == 'right' ? 1 : 0;
    oscillator.connect(gain).connect(panner).connect(context.destination);
    oscillator.start(when);
    oscillator.stop(when + 1);
    oscillator.onended = () => this.#tones.delete(oscillator);
    this.#tones.add(oscillator);
  }

  #silence() {
    this.#tones.forEach(oscillator => { try { oscillator.stop(); } catch { /* already stopped */ } });
    this.#tones = new Set();
    this.#nextTone = 0;
  }
}

BreathPacer.define();
