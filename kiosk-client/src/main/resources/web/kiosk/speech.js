// Spoken guidance of the accessible mode, through the browser's speech synthesis: the screen's prompt, then each
// choice as the visitor moves to it. A new sentence cuts the one being said: the visitor's last move is what counts.

import { utteranceIn, voiceFor } from '/shared/speech.js';

export { voiceFor };

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
        const utterance = utteranceIn(text, voice);
        this.log.push({ event: 'say', lang, text });
        this.speech.speak(utterance);
    }

    stop() {
        if (this.speech && typeof this.speech.cancel === 'function') {
            this.speech.cancel();
        }
    }
}
