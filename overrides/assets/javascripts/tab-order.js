// @ts-check
// Keeps Tab moving forward from the header's search box. Material closes search on Tab by
// blurring the box; Chromium and Firefox then carry on from where the focus was, but WebKit
// (Safari) starts again at the top of the page, so keyboard users there can never get past the
// header. This listener runs before Material's and moves the focus itself, to the next (or, with
// Shift, the previous) element outside the search that the keyboard can reach.

const SEARCH = '[data-md-component=search]';
const FOCUSABLE = 'a[href],button,input,select,textarea,summary,[tabindex]';

/** Whether Tab could land on `element`: not disabled, not taken out of the order, on screen.
 * @param {Element} element */
function reachable(element) {
  return (
    !element.matches(':disabled,[tabindex^="-"],[type=hidden]') &&
    !element.closest(SEARCH) &&
    element.getClientRects().length > 0 &&
    getComputedStyle(element).visibility === 'visible'
  );
}

addEventListener(
  'keydown',
  event => {
    const query = document.activeElement;
    if (event.key !== 'Tab' || event.ctrlKey || event.metaKey || event.altKey || !query?.matches(`${SEARCH} input`))
      return;
    const all = [...document.querySelectorAll(FOCUSABLE)];
    const after = all.filter(element => query.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
    const before = all.filter(element => query.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
    const target = (event.shiftKey ? before.reverse() : after).find(reachable);
    if (!(target instanceof HTMLElement)) return;
    event.preventDefault();
    target.focus();
  },
  true,
);
