// @ts-check
// Spoken cues for closed eyes ("Breath 2. In", "Hold", "Out") through the browser's own speech,
// and only with a voice installed on the device: a network voice would send the words away.

/** Whether this browser can speak at all (the setting is hidden where it cannot). */
export function canSpeak() {
  return 'speechSynthesis' in window;
}

/** A voice on this device for the page's language, or null. Asking early also makes the
 * browser load its list of voices, which some fill in only after the first request. */
export function localVoice() {
  if (!canSpeak()) return null;
  const language = (document.documentElement.lang || 'en').slice(0, 2).toLowerCase();
  return (
    speechSynthesis.getVoices().find(voice => voice.localService && voice.lang.toLowerCase().startsWith(language)) ||
    null
  );
}

/** Says `words` at once, cutting short whatever was still being said. @param {string} words */
export function speak(words) {
  const voice = localVoice();
  if (!voice) return false;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(words);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  speechSynthesis.speak(utterance);
  return true;
}

export function hush() {
  if (canSpeak()) speechSynthesis.cancel();
}
