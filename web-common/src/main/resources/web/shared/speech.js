// What every Guichet page that speaks shares (the screens' announcements, the kiosk's spoken guidance): which of the
// browser's voices speaks a language, and an utterance in that voice.

// No Occitan voice is usual; a French voice reads Occitan understandably, which is better than silence.
const VOICE_FALLBACK = { oc: 'fr' };

/** The voice for a language ('fr', 'en'…): one on the device first, else any; null when none speaks it. */
export function voiceFor(voices, lang) {
    const wanted = String(lang || '').toLowerCase();
    const speaking = (code) => (voices || []).filter(
        (voice) => (voice.lang || '').toLowerCase().replace('_', '-').split('-')[0] === code);
    let matching = speaking(wanted);
    if (matching.length === 0 && VOICE_FALLBACK[wanted]) {
        matching = speaking(VOICE_FALLBACK[wanted]);
    }
    return matching.find((voice) => voice.localService) || matching[0] || null;
}

/** The text said by the voice, a little slower than the engine's default: visitors hear it once, across a room. */
export function utteranceIn(text, voice) {
    const utterance = new SpeechSynthesisUtterance(text);
    try {
        utterance.voice = voice;
    } catch (notAccepted) {
        // a voice object the utterance does not accept: the language alone still picks one
    }
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    return utterance;
}
