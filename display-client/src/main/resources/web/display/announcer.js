// Announces calls one after the other, never cutting one: a two-note chime generated with Web Audio, then the call
// spoken by the browser's speech synthesis when it has a voice for the screen's language (a French one for Occitan).
// Every step is written to a small log (window.guichetAnnouncer.log) with its time, so the order can be checked.

import { utteranceIn, voiceFor } from '/shared/speech.js';

const NOTES = [
    { frequency: 659.25, start: 0, length: 0.55 },     // E5
    { frequency: 523.25, start: 0.5, length: 0.9 },    // C5
];
const CHIME_SECONDS = 1.4;
const GAP_MILLIS = 700;
const LONGEST_SPEECH_MILLIS = 12000;

const sleep = millis => new Promise(resolve => setTimeout(resolve, millis));

export class Announcer {
    constructor({ lang = 'fr', spokenText, speech = globalThis.speechSynthesis } = {}) {
        this.lang = lang;
        this.spokenText = spokenText;
        this.speech = speech;
        this.queue = [];
        this.running = false;
        this.audio = null;
        this.log = [];
        if (this.speech && typeof this.speech.getVoices === 'function') {
            // Chromium fills the voice list asynchronously; asking once starts loading it.
            this.speech.getVoices();
        }
    }

    /** Queues a call (or a recall) to be announced after the ones already waiting. */
    announce(ticket) {
        const text = this.spokenText(ticket.spoken || ticket.number, ticket.counterName);
        this.queue.push({ text, number: ticket.number });
        this.record('queued', text);
        if (!this.running) {
            this.run();
        }
    }

    async run() {
        this.running = true;
        while (this.queue.length > 0) {
            const item = this.queue.shift();
            try {
                await this.chime(item.text);
                await this.say(item.text);
            } catch (e) {
                this.record('error', `${item.text}: ${e}`);
            }
            await sleep(GAP_MILLIS);
        }
        this.running = false;
    }

    record(event, text) {
        this.log.push({ event, text, at: performance.now() });
        if (this.log.length > 200) {
            this.log.splice(0, this.log.length - 200);
        }
    }

    audioContext() {
        const AudioContextClass = globalThis.AudioContext || globalThis.webkitAudioContext;
        if (!this.audio && AudioContextClass) {
            this.audio = new AudioContextClass();
        }
        return this.audio;
    }

    async chime(text) {
        this.record('chime-start', text);
        const context = this.audioContext();
        if (context) {
            if (context.state === 'suspended') {
                context.resume().catch(() => {});
            }
            const now = context.currentTime + 0.05;
            for (const note of NOTES) {
                const oscillator = context.createOscillator();
                const gain = context.createGain();
                oscillator.type = 'sine';
                oscillator.frequency.value = note.frequency;
                const begin = now + note.start;
                gain.gain.setValueAtTime(0.0001, begin);
                gain.gain.exponentialRampToValueAtTime(0.6, begin + 0.02);
                gain.gain.exponentialRampToValueAtTime(0.0001, begin + note.length);
                oscillator.connect(gain).connect(context.destination);
                oscillator.start(begin);
                oscillator.stop(begin + note.length + 0.05);
            }
        }
        // Wall-clock wait: an audio context held back by the autoplay policy would never report the notes' end.
        await sleep(CHIME_SECONDS * 1000);
        this.record('chime-end', text);
    }

    voice() {
        if (!this.speech || typeof this.speech.getVoices !== 'function') {
            return null;
        }
        return voiceFor(this.speech.getVoices(), this.lang);
    }

    say(text) {
        const voice = this.voice();
        if (!voice || typeof SpeechSynthesisUtterance === 'undefined') {
            this.record('speech-skipped', text);
            return Promise.resolve();
        }
        return new Promise(resolve => {
            const utterance = utteranceIn(text, voice);
            let finished = false;
            const finish = reason => {
                if (finished) {
                    return;
                }
                finished = true;
                clearTimeout(guard);
                if (reason === 'timeout') {
                    // Chromium sometimes never fires 'end'; stop it so the next announcement does not overlap.
                    this.speech.cancel();
                }
                this.record('speech-end', text);
                resolve();
            };
            const guard = setTimeout(() => finish('timeout'), LONGEST_SPEECH_MILLIS);
            utterance.addEventListener('end', () => finish('end'));
            utterance.addEventListener('error', () => finish('error'));
            this.record('speech-start', text);
            this.speech.speak(utterance);
        });
    }
}
