// @ts-check
// <br-practice-log> on the "Your practice" page: the switch that turns the log on or off, the
// sessions kept on this device, a chart of minutes per day (inline SVG), "Download CSV" and "Delete
// all" (after a confirmation). Everything is built with DOM calls and textContent. The sessions are
// kept by log-keeper.js. This module registers nothing: the page's practice-log.js calls
// PracticeLogElement.define().
import { localTime, minutesPerDay, readLog, toCsv, writeLog } from './log-store.js';

/** @typedef {import('./log-store.js').Log} Log */

const CHART_DAYS = 14;
const SVG = 'http://www.w3.org/2000/svg';

/** @param {string} tag @param {Record<string, string>} [attributes] @param {string} [text] */
function make(tag, attributes = {}, text = '') {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text) element.textContent = text;
  return element;
}

/** @param {string} tag @param {Record<string, string | number>} attributes */
function svg(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** Bars of minutes per day for the last two weeks, with the numbers in words for screen readers.
 * @param {Log} log */
function chart(log) {
  const days = minutesPerDay(log.sessions, CHART_DAYS, new Date());
  const most = Math.max(1, ...days.map(day => day.minutes));
  const width = 28,
    height = 120,
    top = 16,
    bottom = 20;
  const figure = svg('svg', {
    viewBox: `0 0 ${days.length * width} ${height + top + bottom}`,
    role: 'img',
    class: 'br-log__chart',
  });
  const total = days.reduce((sum, day) => sum + day.minutes, 0);
  const title = svg('title', {});
  title.textContent =
    `Minutes practised per day, last ${CHART_DAYS} days: ${Math.round(total * 10) / 10} in total. ` +
    days
      .filter(day => day.minutes)
      .map(day => `${day.day}: ${day.minutes}`)
      .join('; ');
  figure.append(title);
  days.forEach((day, index) => {
    const barHeight = (day.minutes / most) * height,
      x = index * width;
    figure.append(
      svg('rect', { x: x + 4, y: top + height - barHeight, width: width - 8, height: barHeight, class: 'br-log__bar' }),
    );
    if (day.minutes) {
      const value = svg('text', {
        x: x + width / 2,
        y: top + height - barHeight - 3,
        'text-anchor': 'middle',
        class: 'br-log__value',
      });
      value.textContent = String(day.minutes);
      figure.append(value);
    }
    const label = svg('text', {
      x: x + width / 2,
      y: top + height + 14,
      'text-anchor': 'middle',
      class: 'br-log__day',
    });
    label.textContent = day.day.slice(8);
    figure.append(label);
  });
  return figure;
}

/** @param {Log} log */
function table(log) {
  const wrap = make('div', { class: 'md-typeset__table' });
  const grid = /** @type {HTMLTableElement} */ (make('table', { class: 'br-log__sessions' }));
  const head = make('tr');
  for (const name of ['Started', 'Exercise', 'Pattern', 'Breaths', 'Minutes', 'Ended', 'Tension before → after']) {
    head.append(make('th', { scope: 'col' }, name));
  }
  grid.append(make('thead'), make('tbody'));
  grid.tHead?.append(head);
  for (const session of [...log.sessions].reverse()) {
    const row = make('tr');
    const tension = `${session.before ?? '–'} → ${session.after ?? '–'}`;
    for (const cell of [
      localTime(session.started),
      session.title,
      session.pattern,
      session.breaths,
      session.minutes,
      session.ended,
      tension,
    ]) {
      row.append(make('td', {}, String(cell)));
    }
    grid.tBodies[0].append(row);
  }
  wrap.append(grid);
  return wrap;
}

export class PracticeLogElement extends HTMLElement {
  /** Registers the element under `tag`, once: instant navigation runs the page's scripts again.
   * @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'br-practice-log', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  connectedCallback() {
    this.#render();
  }

  #render() {
    const log = readLog();
    const toggle = /** @type {HTMLInputElement} */ (make('input', { type: 'checkbox', name: 'keep-log' }));
    toggle.checked = log.on;
    toggle.addEventListener('change', () => this.#switch(toggle.checked));
    const label = make('label', { class: 'br-log__switch' });
    label.append(toggle, ' Keep a log on this device');
    /** @type {Element[]} */
    const parts = [label];
    const count = log.sessions.length;
    const minutes = Math.round(log.sessions.reduce((sum, s) => sum + s.minutes, 0) * 10) / 10;
    parts.push(
      make(
        'p',
        { class: 'br-log__summary', role: 'status' },
        count
          ? `${count} session${count === 1 ? '' : 's'} kept on this device, ${minutes} minutes in all.${log.on ? '' : ' The log is off: no new sessions are kept.'}`
          : log.on
            ? 'The log is on. Sessions you finish or stop will show here.'
            : 'The log is off. Nothing is kept.',
      ),
    );
    if (count) {
      const download = make(
        'button',
        { type: 'button', class: 'br-pacer__btn', 'data-do': 'download' },
        'Download CSV',
      );
      download.addEventListener('click', () => this.#download());
      const remove = make('button', { type: 'button', class: 'br-pacer__btn', 'data-do': 'delete' }, 'Delete all');
      remove.addEventListener('click', () => this.#confirmDelete(remove, count));
      parts.push(chart(log), make('div', { class: 'br-log__actions' }), table(log));
      parts[parts.length - 2].append(download, ' ', remove);
    }
    this.replaceChildren(...parts);
  }

  /** @param {boolean} on */
  #switch(on) {
    writeLog({ ...readLog(), on });
    this.#render();
    /** @type {HTMLElement | null} */ (this.querySelector('[name=keep-log]'))?.focus();
  }

  #download() {
    const file = new Blob([toCsv(readLog().sessions)], { type: 'text/csv;charset=utf-8' });
    const link = /** @type {HTMLAnchorElement} */ (make('a'));
    link.href = URL.createObjectURL(file);
    link.download = `breathing-room-practice-${localTime(new Date().toISOString()).slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  /** @param {HTMLElement} button @param {number} count */
  #confirmDelete(button, count) {
    const ask = make('div', { class: 'br-log__confirm', role: 'alertdialog', 'aria-label': 'Delete all sessions?' });
    const question = make(
      'p',
      {},
      `Delete all ${count} session${count === 1 ? '' : 's'} from this device? This cannot be undone.`,
    );
    const yes = make(
      'button',
      { type: 'button', class: 'br-pacer__btn br-pacer__btn--main', 'data-do': 'confirm-delete' },
      'Yes, delete all',
    );
    const no = make('button', { type: 'button', class: 'br-pacer__btn' }, 'Keep them');
    yes.addEventListener('click', () => {
      writeLog({ ...readLog(), sessions: [] });
      this.#render();
      /** @type {HTMLElement | null} */ (this.querySelector('[name=keep-log]'))?.focus();
    });
    no.addEventListener('click', () => {
      ask.remove();
      button.focus();
    });
    ask.append(question, yes, ' ', no);
    button.parentElement?.after(ask);
    yes.focus();
  }
}
