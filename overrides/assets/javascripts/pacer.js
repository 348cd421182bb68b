// Breathing Room breath pacer: <breath-pacer data-pacer="ID" data-exercise="{json}">, as the build
// hook writes it. The element reports data-state (idle|running|paused|done), data-phase (the
// phase's action, "lead-in", or empty) and data-cycle (from 1; 0 when idle).
// Every frame derives phase, countdown and progress from performance.now() and the schedule,
// so nothing drifts. Nothing starts, sounds or buzzes until the user asks.

const PACES = [0.75, 0.9, 1, 1.25, 1.5]; // multipliers of the data's seconds
const PACE_NAMES = ['Faster', 'A little faster', 'As written', 'A little slower', 'Slower'];
const SHORT = { 'breathe-in': 'In', 'hold-full': 'Hold', 'breathe-out': 'Out', 'hold-empty': 'Hold' };
const TONES = { 'breathe-in': [392, 523], 'breathe-out': [523, 349] }; // Hz glide; holds get one flat note
const BUZZ = { 'breathe-in': [250], 'breathe-out': [70, 60, 70, 60, 70] };
const IDLE_CUE = 'Press Start when you are ready.';
const DONE_CUE = 'Well done. Breathe normally and notice how you feel.';
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

const storage = {
  get(key) { try { return JSON.parse(localStorage.getItem(key)) || {}; } catch { return {}; } },
  set(key, value) {
    try { value ? localStorage.setItem(key, JSON.stringify(value)) : localStorage.removeItem(key); } catch {}
  },
};
const secs = s => `${+s.toFixed(2)}`;
const ease = p => (1 - Math.cos(Math.PI * p)) / 2;
// How full the lungs are (0 empty, 1 full) a fraction p of the way through a phase.
const fullness = (action, p) => action == 'breathe-in' ? ease(p)
  : action == 'breathe-out' ? 1 - ease(p) : action == 'hold-full' ? 1 : 0;

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

class BreathPacer extends HTMLElement {
  connectedCallback() {
    if (!this.ui) {
      try { this.x = JSON.parse(this.dataset.exercise); } catch { return; } // keep the no-JS fallback
      this.build();
    }
    this.onVisibility = () => this.visibility();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.reset();
  }

  disconnectedCallback() {
    if (!this.ui) return;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.reset();
    this.ctx?.close().catch(() => {});
    this.ctx = null;
  }

  build() {
    const x = this.x, div = document.createElement('div');
    const shortest = Math.min(...x.phases.concat(x.lead_in || []).map(p => p.seconds));
    div.className = 'br-pacer__ui';
    div.innerHTML = UI;
    this.append(div);
    this.ui = div;
    this.key = 'breath-pacer:' + x.id;
    // No phase may get shorter than 1 s, so fast paces drop out for short phases.
    this.paces = PACES.filter(p => p * shortest >= 1 - 1e-9);
    const pace = this.field('pace'), cycles = this.field('cycles');
    pace.append(...this.paces.map(p => new Option(`${PACE_NAMES[PACES.indexOf(p)]} (${p}×)`, p)));
    cycles.min = x.cycles.min;
    cycles.max = x.cycles.max;
    if (!navigator.vibrate) this.part('vibrate').hidden = true;
    this.addEventListener('click', e => {
      const action = e.target.closest('[data-do]')?.dataset.do;
      if (action) this[action](); // toggle | reset | defaults
    });
    this.addEventListener('change', e => this.change(e.target));
    if (!this.hasAttribute('role')) this.setAttribute('role', 'group'); // gives the hook's aria-label a home
    this.load();
    this.dataset.ready = '';
  }

  part(name) { return this.ui.querySelector('.br-pacer__' + name); }
  field(name) { return this.ui.querySelector(`[name=${name}]`); }

  // Settings, remembered per exercise.
  load() {
    const saved = storage.get(this.key), c = this.x.cycles;
    const cycles = +saved.cycles;
    this.opts = {
      cycles: cycles >= c.min && cycles <= c.max ? Math.round(cycles) : c.default,
      pace: this.paces.includes(saved.pace) ? saved.pace : 1,
      sound: !!saved.sound,
      vibrate: !!saved.vibrate,
    };
    for (const k in this.opts) {
      const f = this.field(k);
      f.type == 'checkbox' ? f.checked = this.opts[k] : f.value = this.opts[k];
    }
    this.plan();
  }

  change(f) {
    const o = this.opts, c = this.x.cycles;
    if (f.name == 'cycles') f.value = o.cycles = Math.min(c.max, Math.max(c.min, Math.round(f.value) || c.default));
    if (f.name == 'pace') o.pace = +f.value;
    if (f.name == 'vibrate') o.vibrate = f.checked;
    if (f.name == 'sound') {
      o.sound = f.checked;
      o.sound ? this.audio() : this.silence();
    }
    storage.set(this.key, o);
    if (f.name == 'cycles' || f.name == 'pace') { this.plan(); this.reset(); }
  }

  defaults() {
    storage.set(this.key, null);
    this.silence();
    this.load();
    this.reset();
  }

  // The whole session as a flat list of phases with start times in ms.
  plan() {
    const x = this.x, scale = this.opts.pace * 1000, seq = [];
    let at = 0;
    const add = (p, cycle, lead) => {
      seq.push({ ...p, cycle, lead, at, ms: p.seconds * scale });
      at += p.seconds * scale;
    };
    if (x.lead_in) add(x.lead_in, 1, true);
    for (let c = 1; c <= this.opts.cycles; c++) x.phases.forEach(p => add(p, c));
    this.seq = seq;
    this.total = at;
    this.part('steps').replaceChildren(...x.phases.map(p => {
      const li = document.createElement('li');
      li.textContent = `${SHORT[p.action]}${p.side ? ' ' + p.side : ''} ${secs(p.seconds * this.opts.pace)}`;
      return li;
    }));
  }

  // Controls.
  toggle() {
    if (this.state == 'running') return this.pause();
    if (this.state != 'paused') this.pos = 0;
    this.t0 = performance.now() - this.pos;
    this.idx = -1; // announce the phase again on resume
    this.setState('running');
    this.audio();
    this.wake();
    this.frame();
  }

  pause() {
    this.pos = performance.now() - this.t0;
    this.halt();
    this.render(this.pos);
    this.setState('paused');
    this.say('Paused');
  }

  reset() {
    this.halt();
    this.pos = 0;
    this.idx = -1;
    this.setState('idle');
    this.show(0, IDLE_CUE, `${this.opts.cycles} breaths`, '');
  }

  finish() {
    this.halt();
    this.setState('done');
    this.dataset.cycle = this.opts.cycles;
    this.show(this.total, DONE_CUE, `${this.opts.cycles} of ${this.opts.cycles} breaths done`, DONE_CUE);
  }

  // Stops everything that runs on its own: frames, tone scheduling, tones, vibration, wake lock.
  halt() {
    cancelAnimationFrame(this.raf);
    clearInterval(this.timer);
    this.timer = 0;
    this.silence();
    if (this.opts.vibrate && this.state == 'running') try { navigator.vibrate(0); } catch {}
    this.lock?.release().catch(() => {});
    this.lock = null;
  }

  setState(state) {
    this.state = this.dataset.state = state;
    const busy = state == 'running' || state == 'paused';
    this.part('btn--main').textContent = state == 'running' ? 'Pause' : state == 'paused' ? 'Resume' : 'Start';
    for (const f of [this.field('cycles'), this.field('pace'), this.ui.querySelector('[data-do=defaults]')]) f.disabled = busy;
    if (!busy) this.dataset.phase = '';
    if (state == 'idle') this.dataset.cycle = 0;
  }

  // Idle and done: a still display.
  show(t, cue, cycle, words) {
    const edge = this.seq[t ? this.seq.length - 1 : 0];
    this.part('cue').textContent = cue;
    this.part('cycle').textContent = cycle;
    this.part('count').textContent = '';
    this.part('progress').value = t / this.total;
    for (const li of this.part('steps').children) li.removeAttribute('aria-current');
    this.draw(edge.action, t ? 1 : 0);
    if (words) this.say(words);
  }

  frame = () => {
    cancelAnimationFrame(this.raf); // a direct call (tab shown again) must not start a second loop
    const t = performance.now() - this.t0;
    if (t >= this.total) return this.finish();
    this.render(t);
    this.raf = requestAnimationFrame(this.frame);
  };

  render(t) {
    const i = this.seq.findIndex(p => t < p.at + p.ms), p = this.seq[i];
    if (i != this.idx) this.enter(i, p);
    // Computed every frame, written only when it changes: each text or bar write costs a layout.
    const left = Math.ceil((p.at + p.ms - t) / 1000), count = this.part('count');
    if (count.textContent != left) {
      count.textContent = left;
      this.part('progress').value = (reducedMotion.matches ? p.at : t) / this.total;
    }
    this.draw(p.action, (t - p.at) / p.ms);
  }

  // Once per phase: attributes, words, the step list, the announcement, the buzz.
  enter(i, p) {
    const n = this.x.phases.length, step = p.lead ? -1 : (i - !!this.x.lead_in) % n;
    this.idx = i;
    this.dataset.phase = p.lead ? 'lead-in' : p.action;
    this.dataset.cycle = p.cycle;
    this.part('cue').textContent = p.cue;
    this.part('cycle').textContent = p.lead ? 'Getting ready' : `Breath ${p.cycle} of ${this.opts.cycles}`;
    [...this.part('steps').children].forEach((li, j) => li.toggleAttribute('aria-current', j == step));
    this.say(`${step == 0 ? `Breath ${p.cycle} of ${this.opts.cycles}. ` : ''}${p.cue}, ${secs(p.ms / 1000)} seconds.`);
    if (this.opts.vibrate && BUZZ[p.action] && !document.hidden) try { navigator.vibrate(BUZZ[p.action]); } catch {}
  }

  draw(action, p) {
    const orb = this.part('orb'), v = fullness(action, p);
    if (reducedMotion.matches) return orb.removeAttribute('style'); // still; words and steps carry the rhythm
    orb.style.transform = `scale(${0.55 + 0.45 * v})`;
    orb.style.opacity = 0.55 + 0.45 * v;
  }

  say(words) { this.part('live').textContent = words; }

  // Hidden tab: without sound, pause; with sound, keep the tones going and catch up on return.
  visibility() {
    if (this.state != 'running') return;
    if (document.hidden) {
      this.opts.sound ? this.schedule() : this.pause();
    } else {
      if (this.opts.sound && this.ctx?.state != 'running') this.audio();
      this.wake();
      this.frame();
    }
  }

  wake() {
    if (this.lock && !this.lock.released) return;
    navigator.wakeLock?.request('screen').then(lock => {
      if (this.state == 'running' && this.isConnected) this.lock = lock;
      else lock.release();
    }, () => {});
  }

  // Sound. The context is made on the user's tap and made anew after an interruption (iOS).
  // Turning sound on is a tap too: the context starts then, so the first tone of a session is on time.
  audio() {
    if (!this.opts.sound) return;
    let ctx = this.ctx;
    if (!ctx || ctx.state == 'closed' || ctx.state == 'interrupted') {
      ctx?.close().catch(() => {});
      try { ctx = this.ctx = new AudioContext(); } catch { return; }
      ctx.onstatechange = () => ctx.state == 'running' && this.schedule();
    }
    ctx.resume().catch(() => {});
    if (this.state != 'running') return;
    this.silence();
    this.schedule();
    this.timer ||= setInterval(() => this.schedule(), 250);
  }

  // Tones for the phases that start soon, each placed on the audio clock when it is scheduled.
  schedule() {
    const ctx = this.ctx;
    if (!ctx || ctx.state != 'running' || !this.opts.sound || this.state != 'running') return;
    const t = performance.now() - this.t0;
    // A hidden tab gets few timer runs, so the next minute goes onto the audio clock at once.
    // Otherwise a new context's clock is still settling: only the next tone until it has run a while.
    const ahead = document.hidden ? 7e4 : ctx.currentTime < 0.5 ? 300 : 3e3;
    this.next ||= 0;
    for (let p; (p = this.seq[this.next]) && p.at < t + ahead; this.next++) {
      // A phase that began a moment ago (while the context started) still gets its tone.
      if (p.at >= t - 250) this.tone(p, this.heardAt(ctx, this.t0 + p.at));
    }
  }

  // The audio-clock time that is heard at page time `ms`. The output timestamp pairs the two
  // clocks at the speaker, so the output latency is allowed for.
  heardAt(ctx, ms) {
    const ts = ctx.getOutputTimestamp?.() || {};
    const at = ts.performanceTime > 0 ? ts.contextTime + (ms - ts.performanceTime) / 1000
      : ctx.currentTime + (ms - performance.now()) / 1000 - (ctx.outputLatency || ctx.baseLatency || 0);
    return Math.max(ctx.currentTime, at);
  }

  tone(p, when) {
    const ctx = this.ctx, osc = ctx.createOscillator(), gain = ctx.createGain(), pan = ctx.createStereoPanner();
    const [from, to] = TONES[p.action] || [440, 440];
    osc.frequency.setValueAtTime(from, when);
    osc.frequency.linearRampToValueAtTime(to, when + 0.6);
    gain.gain.setValueAtTime(0, when);
    gain.gain.linearRampToValueAtTime(0.12, when + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.001, when + 1);
    pan.pan.value = p.side == 'left' ? -1 : p.side == 'right' ? 1 : 0;
    osc.connect(gain).connect(pan).connect(ctx.destination);
    osc.start(when);
    osc.stop(when + 1);
    osc.onended = () => this.tones.delete(osc);
    this.tones.add(osc);
  }

  silence() {
    this.tones?.forEach(osc => { try { osc.stop(); } catch {} });
    this.tones = new Set();
    this.next = 0;
  }
}

if (!customElements.get('breath-pacer')) customElements.define('breath-pacer', BreathPacer);
