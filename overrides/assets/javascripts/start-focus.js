// @ts-check
// "Calm in one tap": the home-screen shortcut opens an exercise page with ?focus=start, and the
// first pacer's Start button gets the focus, so one more tap (or Enter) starts it. It never starts
// by itself. The pacer elements are upgraded before this module runs (pacer.js comes first).
const wanted = new URLSearchParams(location.search).get('focus') === 'start';
const start = wanted ? document.querySelector('br-pacer[data-ready] .br-pacer__btn--main') : null;
if (start instanceof HTMLElement) {
  start.focus();
  start.scrollIntoView({ block: 'center' });
}
