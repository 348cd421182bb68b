// @ts-check
// <pattern-maker data-contract="{json}">, as hooks/templates/exercises/pattern_maker.html writes it: the "your own pattern"
// form. It reads the pattern from the address (pattern-link.js checks it), fills the form, shows
// the hold caution only for a pattern with a hold, and plays the pattern in a <breath-pacer> it
// makes. "Use this pattern" puts the pattern in the address; "Copy link" copies it. Nothing from the
// address is ever inserted as markup: values go into form fields and messages into textContent.
import { hasHold, parsePattern, patternExercise, patternQuery } from './pattern-link.js';
import { pacesFor } from './pacer-schedule.js';

/** @typedef {import('./pattern-link.js').Contract} Contract */
/** @typedef {import('./pattern-link.js').Pattern} Pattern */

/** @param {number} pace */
const paceName = pace => `${pace}× ${pace < 1 ? '(faster)' : pace > 1 ? '(slower)' : '(as set above)'}`;

class PatternMaker extends HTMLElement {
  /** @type {Contract | null} */ #contract = null;

  connectedCallback() {
    if (this.#contract) return;
    try {
      this.#contract = JSON.parse(this.dataset.contract || '');
    } catch {
      return;
    }
    const form = this.#form;
    form.addEventListener('submit', event => {
      event.preventDefault();
      this.#use(new URLSearchParams(/** @type {any} */ (new FormData(form))).toString(), true);
    });
    this.querySelector('[data-do=copy]')?.addEventListener('click', () => this.#copy());
    // Breaths or pace changed in the pacer's own settings: the form and the link follow, the pacer stays.
    this.addEventListener('pacer-settings', event => {
      const { cycles, pace } = /** @type {CustomEvent} */ (event).detail,
        contract = /** @type {Contract} */ (this.#contract);
      const search = new URLSearchParams(/** @type {any} */ (new FormData(form)));
      search.set(contract.breaths.name, String(cycles));
      search.set(contract.pace.name, String(pace));
      this.#use(search.toString(), true, false);
    });
    this.#use(location.search, false);
  }

  get #form() {
    return /** @type {HTMLFormElement} */ (this.querySelector('form'));
  }

  /** Read, check and play a pattern. @param {string} search @param {boolean} fromForm @param {boolean} [play] */
  #use(search, fromForm, play = true) {
    const contract = /** @type {Contract} */ (this.#contract);
    const { pattern, problems } = parsePattern(search, contract);
    this.#showProblems(problems, fromForm);
    this.#fill(pattern);
    const query = patternQuery(pattern, contract);
    if (fromForm || location.search) history.replaceState(history.state, '', location.pathname + query + location.hash);
    const share = /** @type {HTMLElement} */ (this.querySelector('.br-your-own__share'));
    /** @type {HTMLInputElement} */ (share.querySelector('input')).value = location.origin + location.pathname + query;
    share.hidden = false;
    /** @type {HTMLElement} */ (this.querySelector('[data-shown-for=holds]')).hidden = !hasHold(pattern, contract);
    if (play) this.#play(pattern);
  }

  /** @param {string[]} problems @param {boolean} fromForm */
  #showProblems(problems, fromForm) {
    const box = /** @type {HTMLElement} */ (this.querySelector('.br-your-own__problems'));
    if (!problems.length) return box.replaceChildren();
    const lead = document.createElement('p');
    lead.textContent = fromForm
      ? 'Some values were outside what the pacer can play:'
      : 'This link had values the pacer cannot use as written, so the pattern below differs from it:';
    const list = document.createElement('ul');
    list.append(...problems.map(problem => Object.assign(document.createElement('li'), { textContent: problem })));
    box.replaceChildren(lead, list);
  }

  /** @param {Pattern} pattern */
  #fill(pattern) {
    const contract = /** @type {Contract} */ (this.#contract),
      form = this.#form;
    const field = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
    for (const phase of contract.phases) field(phase.name).value = String(pattern.seconds[phase.name]);
    field(contract.breaths.name).value = String(pattern.breaths);
    const pace = /** @type {HTMLSelectElement} */ (/** @type {unknown} */ (field(contract.pace.name)));
    const offered = pacesFor(patternExercise(pattern, contract));
    pace.replaceChildren(
      ...offered.map(value => new Option(paceName(value), String(value), false, value === pattern.pace)),
    );
  }

  /** A new pacer for the pattern (a running one is stopped as it leaves). @param {Pattern} pattern */
  #play(pattern) {
    const contract = /** @type {Contract} */ (this.#contract);
    const pacer = document.createElement('breath-pacer');
    pacer.dataset.pacer = contract.id;
    pacer.dataset.exercise = JSON.stringify(patternExercise(pattern, contract));
    pacer.setAttribute('role', 'group');
    pacer.setAttribute('aria-label', 'Your own pattern pacer');
    /** @type {HTMLElement} */ (this.querySelector('.br-your-own__pacer')).replaceChildren(pacer);
  }

  async #copy() {
    const link = /** @type {HTMLInputElement} */ (this.querySelector('.br-your-own__link'));
    const said = /** @type {HTMLElement} */ (this.querySelector('.br-your-own__copied'));
    try {
      await navigator.clipboard.writeText(link.value);
      said.textContent = 'Link copied.';
    } catch {
      link.select();
      said.textContent = "The link is selected: copy it with your device's Copy command.";
    }
  }
}

if (!customElements.get('pattern-maker')) customElements.define('pattern-maker', PatternMaker);
