// <br-practice-log> on the "Your practice" page: the switch that turns the log on or off, the
// sessions kept on this device, a chart of minutes per day (inline SVG, with its dates and unit in
// words), "Download CSV", "Bring back a downloaded log" and "Delete all" (after a confirmation).
// Everything is built with DOM calls and textContent. The sessions are kept by log-keeper.js. This
// module registers nothing: the page's practice-log.js calls PracticeLogElement.define().
import {
  LARGEST_RESTORE_BYTES,
  localTime,
  mergeSessions,
  minutesPerDay,
  readLog,
  sessionsFromCsv,
  toCsv,
  writeLog,
} from './log-store.js';

/** @typedef {import('./log-store.js').Log} Log */

const CHART_DAYS = 14;
const SVG = 'http://www.w3.org/2000/svg';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** The sessions table's columns: the CSV's, named for reading. */
const COLUMNS = ['Started', 'Exercise', 'Pattern', 'Breaths', 'Minutes', 'Ended', 'Tension before', 'Tension after'];

/** @param {string} tag @param {Record<string, string>} [attributes] @param {string} [text] */
function make(tag, attributes = {}, text = '') {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text) element.textContent = text;
  return element;
}

/** @param {string} tag @param {Record<string, string | number>} attributes @param {string} [text] */
function svg(tag, attributes, text = '') {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text) element.textContent = text;
  return element;
}

/** "2026-11-30" as "30 November 2026". @param {string} day */
function longDate(day) {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

/** "17 November to 30 November 2026" (each year shown when the two differ). @param {string} first @param {string} last */
function dateRange(first, last) {
  const from = longDate(first);
  return `${first.slice(0, 4) === last.slice(0, 4) ? from.replace(/ \d{4}$/, '') : from} to ${longDate(last)}`;
}

/** Bars of minutes per day for the last two weeks. The caption says what is counted and over which
 * days; each bar's day is under it, with the month under the first bar and the first of a month;
 * the numbers are in words for screen readers too.
 * @param {Log} log */
function chart(log) {
  const days = minutesPerDay(log.sessions, CHART_DAYS, new Date());
  const most = Math.max(1, ...days.map(day => day.minutes));
  const width = 28,
    height = 120,
    top = 16,
    bottom = 34;
  const range = dateRange(days[0].day, days[days.length - 1].day);
  const total = Math.round(days.reduce((sum, day) => sum + day.minutes, 0) * 10) / 10;
  const figure = make('figure', { class: 'br-log__figure' });
  const caption = make('figcaption', { class: 'br-log__caption' }, `Minutes practised per day, ${range}`);
  const drawing = svg('svg', {
    viewBox: `0 0 ${days.length * width} ${height + top + bottom}`,
    role: 'img',
    class: 'br-log__chart',
  });
  drawing.append(
    svg(
      'title',
      {},
      `Minutes practised per day, ${range}: ${total} in total. ` +
        days
          .filter(day => day.minutes)
          .map(day => `${longDate(day.day)}: ${day.minutes}`)
          .join('; '),
    ),
  );
  days.forEach((day, index) => {
    const barHeight = (day.minutes / most) * height,
      x = index * width,
      middle = x + width / 2;
    drawing.append(
      svg('rect', { x: x + 4, y: top + height - barHeight, width: width - 8, height: barHeight, class: 'br-log__bar' }),
    );
    if (day.minutes) {
      const attributes = {
        x: middle,
        y: top + height - barHeight - 3,
        'text-anchor': 'middle',
        class: 'br-log__value',
      };
      drawing.append(svg('text', attributes, String(day.minutes)));
    }
    const date = Number(day.day.slice(8));
    drawing.append(
      svg('text', { x: middle, y: top + height + 14, 'text-anchor': 'middle', class: 'br-log__day' }, String(date)),
    );
    if (index === 0 || date === 1) {
      const month = MONTHS[Number(day.day.slice(5, 7)) - 1].slice(0, 3);
      drawing.append(
        svg('text', { x: middle, y: top + height + 28, 'text-anchor': 'middle', class: 'br-log__day' }, month),
      );
    }
  });
  figure.append(caption, drawing);
  return figure;
}

/** The sessions, newest first. A table for wide screens and, on a phone, one card per session with
 * each value under its column's name (site.css); the roles keep it a table for screen readers.
 * @param {Log} log */
function table(log) {
  // Its own class, so the theme neither styles nor wraps it (practice.css and site.css do).
  const wrap = make('div', { class: 'br-log__table' });
  const grid = /** @type {HTMLTableElement} */ (
    make('table', { class: 'br-log__sessions', role: 'table', 'data-layout': 'cards' })
  );
  const head = make('tr', { role: 'row' });
  for (const name of COLUMNS) head.append(make('th', { scope: 'col', role: 'columnheader' }, name));
  grid.append(make('thead', { role: 'rowgroup' }), make('tbody', { role: 'rowgroup' }));
  grid.tHead?.append(head);
  for (const session of [...log.sessions].reverse()) {
    const row = make('tr', { role: 'row' });
    const values = [
      localTime(session.started),
      session.title,
      session.pattern,
      session.breaths,
      session.minutes,
      session.ended,
      session.before ?? '–',
      session.after ?? '–',
    ];
    values.forEach((value, column) =>
      row.append(make('td', { role: 'cell', 'data-label': COLUMNS[column] }, String(value))),
    );
    grid.tBodies[0].append(row);
  }
  wrap.append(grid);
  return wrap;
}

/** "Bring back a downloaded log": a file field, and a line that says what happened.
 * @param {(file: File) => void} restore @param {string} message */
function restorer(restore, message) {
  const box = make('div', { class: 'br-log__restore' });
  const label = make('label', { for: 'br-log-restore' }, 'Bring back a downloaded log');
  const input = /** @type {HTMLInputElement} */ (
    make('input', { type: 'file', id: 'br-log-restore', name: 'restore', accept: '.csv,text/csv' })
  );
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) restore(file);
  });
  const hint = make(
    'p',
    { class: 'br-log__hint' },
    'Choose a CSV file that "Download CSV" made. Sessions already here are not added twice.',
  );
  box.append(label, ' ', input, hint, make('p', { class: 'br-log__message', role: 'status' }, message));
  return box;
}

/** What a chosen file holds, or what is wrong with it; nothing is stored here.
 * @param {File} file @returns {Promise<{sessions: import('./log-store.js').Session[]} | {problem: string}>} */
async function readRestoreFile(file) {
  if (file.size > LARGEST_RESTORE_BYTES)
    return { problem: 'This file is not a log downloaded from this page: it is far too big.' };
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { problem: 'This file is not a log downloaded from this page: it is not a text file.' };
  }
  return sessionsFromCsv(text);
}

export class PracticeLogElement extends HTMLElement {
  /** Registers the element under `tag`, once: instant navigation runs the page's scripts again.
   * @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'br-practice-log', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  /** What the last "Bring back" did, shown until the page is left. */
  #message = '';

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
      const actions = make('div', { class: 'br-log__actions' });
      actions.append(download, ' ', remove);
      parts.push(chart(log), actions, table(log));
    }
    parts.push(restorer(file => this.#restore(file), this.#message));
    this.replaceChildren(...parts);
  }

  /** @param {boolean} on */
  #switch(on) {
    writeLog({ ...readLog(), on });
    // Ask the browser to keep this site's storage when it runs short of space (it may say no).
    if (on) navigator.storage?.persist?.().catch(() => false);
    this.#render();
    /** @type {HTMLElement | null} */ (this.querySelector('[name=keep-log]'))?.focus();
  }

  /** Bring back the sessions of a downloaded CSV; a file that is not one changes nothing. @param {File} file */
  async #restore(file) {
    const read = await readRestoreFile(file);
    if ('problem' in read) {
      this.#message = `${read.problem} Nothing was changed.`;
    } else {
      const log = readLog();
      const merged = mergeSessions(log.sessions, read.sessions);
      if (!merged.added) {
        this.#message = read.sessions.length
          ? `Every session in this file is already here. Nothing was changed.`
          : 'This file has no sessions. Nothing was changed.';
      } else if (!writeLog({ ...log, sessions: merged.sessions })) {
        this.#message = 'This browser would not store the sessions (its storage may be full). Nothing was changed.';
      } else {
        const already = merged.already
          ? ` ${merged.already} ${merged.already === 1 ? 'was' : 'were'} already here.`
          : '';
        this.#message = `Brought back ${merged.added} session${merged.added === 1 ? '' : 's'}.${already}`;
      }
    }
    this.#render();
    /** @type {HTMLElement | null} */ (this.querySelector('[name=restore]'))?.focus();
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
