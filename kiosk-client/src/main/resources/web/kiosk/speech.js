// Spoken guidance of the accessible mode, through the browser's speech synthesis: the screen's prompt, then each
// choice as the visitor moves to it. A new sentence cuts the one being said: the visitor's last move is what counts.

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

/** Lines of text as one spoken text: each line a sentence, so that the voice pauses between them. */
export function asSentences(lines) {
    return lines
        .map((line) => String(line || '').replace(/\s+/g, ' ').trim())
        .filter((line) => line.length > 0)
        .map((line) => (/[.!?:;…]$/.test(line) ? line : line + '.'))
        .join(' ');
}

/** A ticket number said character by character ("A042" → "A 0 4 2"), not as a quantity. */
export function spellNumber(number) {
    return String(number || '').split('').join(' ');
}

export class Voice {
    constructor(speech = globalThis.speechSynthesis) {
        this.speech = speech;
        this.log = [];
        if (this.speech && typeof this.speech.getVoices === 'function') {
            // Chromium fills the voice list asynchronously; asking once starts loading it.
            this.speech.getVoices();
        }
    }

    /** Says the text in the language, cutting whatever is being said. */
    say(text, lang) {
        if (!text || !this.speech || typeof SpeechSynthesisUtterance === 'undefined') {
            return;
        }
        const voice = voiceFor(this.speech.getVoices(), lang);
        if (!voice) {
            this.log.push({ event: 'no-voice', lang, text });
            return;
        }
        this.speech.cancel();
        const utterance = new SpeechSynthesisUtterance(text);
        try {
            utterance.voice = voice;
        } catch (notAccepted) {
            // a voice object the utterance does not accept: the language alone still picks one
        }
        utterance.lang = voice.lang;
        utterance.rate = 0.9;
        this.log.push({ event: 'say', lang, text });
        this.speech.speak(utterance);
    }

    stop() {
        if (this.speech && typeof this.speech.cancel === 'function') {
            this.speech.cancel();
        }
    }
}
