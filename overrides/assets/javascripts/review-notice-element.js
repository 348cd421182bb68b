// @ts-check
// <br-review-notice>: the "may be out of date" notice at the top of every page. The build writes it
// hidden, with the page's next review date in data-next-review; this element shows it once the
// reader's clock is past that date, so a page built long ago still warns. Without script it stays
// hidden. A custom element, because Material's instant navigation swaps page content in place: each
// new notice is upgraded as it arrives, with no inline script (instant navigation re-creates those).
// This module registers nothing: the page's review-notice.js calls ReviewNoticeElement.define().
import { isOverdue } from './review-date.js';

export class ReviewNoticeElement extends HTMLElement {
  /** Registers the element under `tag`, once: instant navigation runs the page's scripts again.
   * @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'br-review-notice', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  connectedCallback() {
    this.hidden = !isOverdue(this.dataset.nextReview ?? '', new Date());
  }
}
