// @ts-check
// A plan's progress from the practice log, with no DOM and no storage of its own: how many of the
// plan's last days have a finished session of its exercise. Reads sessions that log-store.js's
// readLog returns; keeps nothing. The plan link carries no start date (it would tie a link to one
// day), so the count is over the plan's length ending today: "3 of 14 days".
import { localTime } from './log-store.js';

/**
 * The days, among the `days` days ending today (this device's calendar), with at least one
 * finished session of `exercise`.
 * @param {import('./log-store.js').Session[]} sessions
 * @param {string} exercise  the plan's exercise id (your-own for a reader's own pattern)
 * @param {number} days
 * @param {Date} today
 */
export function daysPractised(sessions, exercise, days, today) {
  const first = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1), 12);
  const from = localTime(first.toISOString()).slice(0, 10);
  const to = localTime(today.toISOString()).slice(0, 10);
  const practised = new Set();
  for (const session of sessions) {
    if (session.exercise !== exercise || session.ended !== 'finished') continue;
    const day = localTime(session.started).slice(0, 10);
    if (day >= from && day <= to) practised.add(day);
  }
  return practised.size;
}
