// @ts-check
// "Calm in one tap": the home-screen shortcut opens an exercise page with ?focus=start, and the
// first pacer's Start button gets the focus, so one more tap (or Enter) starts it. It never starts
// by itself. The pacer elements are upgraded before this module runs (pacer.js comes first).
// The page stays at its top when Start is already in view, as it is on phones from 360 x 800: the
// safety notice and the help line for the reader's country stay in the first screen. On a shorter
// screen the page scrolls just enough to show Start.
const wanted = new URLSearchParams(location.search).get('focus') === 'start';
const start = wanted ? document.querySelector('br-pacer[data-ready] .br-pacer__btn--main') : null;
if (start instanceof HTMLElement) {
  start.focus({ preventScroll: true });
  const box = start.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) start.scrollIntoView({ block: 'nearest' });
}
