// @ts-check
// Whether a page is past its next review date, on the reader's own clock. Pure, so Node tests it
// (tests/js/review-date.test.mjs) and the page's notice element only asks it.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The reader's calendar day, as YYYY-MM-DD, in their own time zone.
 * @param {Date} now */
export function localDay(now) {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** True once the day `nextReview` (YYYY-MM-DD) has passed; false on the day itself, before it,
 * and for anything that is not such a date (a page never warns by mistake).
 * @param {string} nextReview
 * @param {Date} now */
export function isOverdue(nextReview, now) {
  return ISO_DAY.test(nextReview) && localDay(now) > nextReview;
}
