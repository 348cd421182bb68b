// @ts-check
// The "may be out of date" notice at the top of every page. The build writes it hidden, with the
// page's next review date in data-next-review; this element shows it once the reader's clock is
// past that date, so a page built long ago still warns. Without script it stays hidden. A custom
// element, because Material's instant navigation swaps page content in place: each new notice
// is upgraded as it arrives, with no inline script (instant navigation re-creates those).
import { isOverdue } from './review-date.js';

class ReviewNotice extends HTMLElement {
  connectedCallback() {
    this.hidden = !isOverdue(this.dataset.nextReview ?? '', new Date());
  }
}

if (!customElements.get('br-review-notice')) customElements.define('br-review-notice', ReviewNotice);
