// A visitor's own ticket, opened from the QR code printed on it: /ticket/<statusToken>.
// Shows the number, people ahead, then the counter when called, in the ticket's language; live through
// guichet.ticket.<token>, whose messages only say "read the ticket again".

import './texts.js';
import { Api, ApiError } from '/shared/api.js';
import { EventBus } from '/shared/eventbus.js';
import { face, SCORES } from '/shared/faces.js';
import { language, placeOf, setLanguage, t, translatePage } from '/shared/i18n.js';
import { showAccessibilityLink } from '/public/accessibility-link.js';

const RE_READ_MILLIS = 20000;
/** The visitor is warned when this many people or fewer are before them. */
const WARN_AHEAD = 3;
/**
 * What the page did to warn the visitor, for whoever checks it (a test): 'shown', 'vibrated', 'sound'…; and a way to
 * read the ticket again now rather than at the next periodic read.
 */
const visitor = { warned: false, alerts: [], refresh: () => refresh() };
window.guichetVisitor = visitor;

const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
const api = new Api();
const $ = id => document.getElementById(id);

/** Status → [main sentence, detail]. */
function sentences(ticket) {
    const waiting = [t('waiting', { count: ticket.peopleAhead }), t('waiting.detail')];
    return {
        WAITING: waiting,
        TRANSFERRED: waiting,
        CALLED: [t('called', { counter: ticket.counterName }), ''],
        SERVING: [t('serving'), ''],
        DONE: [t('done'), ''],
        NO_SHOW: [t('noShow'), ''],
        CANCELLED: [t('cancelled'), ''],
    }[ticket.status] || ['', ''];
}

/** Where to wait (the room of the ticket's service, after a transfer the new one), while there is a wait. */
function showWhere(ticket) {
    const where = ticket.where;
    const place = placeOf(where);
    const shown = place !== '' && ['WAITING', 'TRANSFERRED', 'CALLED'].includes(ticket.status);
    $('where').hidden = !shown;
    $('where').textContent = shown
        ? [t('where', { place }), where.directions].filter(Boolean).join(' ') : '';
}

/** Switches the page to the ticket's language (the one the visitor chose at the kiosk). */
function speak(ticketLanguage) {
    if (ticketLanguage && ticketLanguage !== language()) {
        setLanguage(ticketLanguage);
        translatePage();
        showFooterLinks();
    }
}

function showFooterLinks() {
    showAccessibilityLink($('accessibility'), language());
    $('privacy').href = `/confidentialite?lang=${encodeURIComponent(language())}`;
}

/** A ticket the page no longer shows (unknown, or its day is over): the sentence alone. */
function showGone(sentence) {
    for (const id of ['site', 'service', 'number', 'detail']) {
        $(id).textContent = '';
    }
    for (const id of ['estimate', 'where', 'soon', 'notify', 'rating']) {
        $(id).hidden = true;
    }
    $('ticket').classList.remove('called');
    $('state').textContent = sentence;
}

async function refresh() {
    let ticket;
    try {
        ticket = await api.get(`/public/tickets/${encodeURIComponent(token)}`);
    } catch (error) {
        if (error instanceof ApiError && error.code === 'expired') {
            speak(error.current?.language);
            showGone(t('expired'));
            return;
        }
        if (error instanceof ApiError && error.status === 404) {
            showGone(t('unknown'));
            return;
        }
        throw error;
    }
    speak(ticket.language);
    $('site').textContent = ticket.siteName;
    $('service').textContent = ticket.serviceName;
    $('number').textContent = ticket.number;
    $('ticket').classList.toggle('called', ticket.status === 'CALLED');
    const [state, detail] = sentences(ticket);
    $('state').textContent = state;
    $('detail').textContent = detail;
    showEstimate(ticket);
    showWhere(ticket);
    warnWhenClose(ticket);
    showRating(ticket);
}

/** The estimate the kiosk gave, worked out again by the same estimator; none promised while no counter is open. */
function showEstimate(ticket) {
    const waiting = ticket.status === 'WAITING';
    $('estimate').hidden = !waiting;
    if (!waiting) {
        return;
    }
    const minutes = ticket.estimatedWaitMinutes;
    $('estimate').textContent = minutes === null || minutes === undefined ? t('estimate.noCounter')
        : minutes === 0 ? t('estimate.now') : t('estimate', { m: minutes });
}

/**
 * "3 people before you: come back to the waiting room", once, when the queue comes down to that: said on the page
 * (an alert for screen readers), by a vibration and a short sound, and by a notification when the visitor allowed it.
 * Only while the page is open: a closed page cannot warn.
 */
function warnWhenClose(ticket) {
    const close = ticket.status === 'WAITING' && ticket.peopleAhead <= WARN_AHEAD;
    $('soon').hidden = !close;
    $('notify').hidden = ticket.status !== 'WAITING' || close || !('Notification' in window)
        || Notification.permission !== 'default';
    if (!close) {
        return;
    }
    const sentence = t('soon', { count: ticket.peopleAhead });
    if ($('soon').textContent !== sentence) {
        $('soon').textContent = sentence;
    }
    if (visitor.warned) {
        return;
    }
    visitor.warned = true;
    visitor.alerts.push('shown');
    if (navigator.vibrate && navigator.vibrate([300, 150, 300])) {
        visitor.alerts.push('vibrated');
    }
    if (chime()) {
        visitor.alerts.push('sound');
    }
    if ('Notification' in window && Notification.permission === 'granted') {
        try {
            new Notification(ticket.number, { body: sentence, lang: language(), tag: `guichet-${token}` });
            visitor.alerts.push('notification');
        } catch (onlyFromAServiceWorker) {
            // Chrome on Android shows notifications from a service worker only: the page's alert and sound remain.
        }
    }
}

/** Two short tones; false where the browser plays no sound without a touch first. */
function chime() {
    try {
        const audio = new AudioContext();
        if (audio.state !== 'running') {
            audio.close();
            return false;
        }
        [[880, 0], [660, 0.25]].forEach(([frequency, start]) => {
            const tone = audio.createOscillator();
            const volume = audio.createGain();
            tone.frequency.value = frequency;
            volume.gain.setValueAtTime(0.3, audio.currentTime + start);
            volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.2);
            tone.connect(volume).connect(audio.destination);
            tone.start(audio.currentTime + start);
            tone.stop(audio.currentTime + start + 0.2);
        });
        setTimeout(() => audio.close(), 1000);
        return true;
    } catch (unavailable) {
        return false;
    }
}

async function askToNotify() {
    await Notification.requestPermission();
    $('notify').hidden = Notification.permission !== 'default';
}

/**
 * Once served, the visitor may say what they thought: five faces and an optional comment, once. The form is drawn
 * once and only shown or hidden as the ticket is read again, so that nothing typed is lost.
 */
function showRating(ticket) {
    const served = ticket.status === 'DONE';
    $('rating').hidden = !served;
    if (!served) {
        return;
    }
    $('rating-form').hidden = ticket.rated;
    $('rating-thanks').hidden = !ticket.rated;
    if (!$('rating-faces').childElementCount) {
        $('rating-faces').replaceChildren(...SCORES.map(score => {
            const input = document.createElement('input');
            input.type = 'radio';
            input.name = 'score';
            input.value = String(score);
            input.id = `score-${score}`;
            input.addEventListener('change', () => { $('rating-error').textContent = ''; });
            const label = document.createElement('label');
            label.htmlFor = input.id;
            label.className = 'face-choice';
            const words = document.createElement('span');
            words.dataset.i18n = `rating.${score}`;
            words.textContent = t(`rating.${score}`);
            label.append(face(score), words);
            const choice = document.createElement('div');
            choice.append(input, label);
            return choice;
        }));
    }
}

async function sendRating(event) {
    event.preventDefault();
    const chosen = document.querySelector('input[name="score"]:checked');
    if (!chosen) {
        $('rating-error').textContent = t('rating.choose');
        return;
    }
    const body = { score: Number(chosen.value) };
    const comment = $('rating-comment').value.trim();
    if (comment) {
        body.comment = comment;
    }
    $('rating-send').disabled = true;
    try {
        await api.post(`/public/tickets/${encodeURIComponent(token)}/satisfaction`, body);
    } catch (error) {
        if (!(error instanceof ApiError && error.code === 'already_rated')) {
            $('rating-error').textContent = t('rating.failed');
            $('rating-send').disabled = false;
            return;
        }
    }
    $('rating-error').textContent = '';
    $('rating-form').hidden = true;
    $('rating-thanks').hidden = false;
    $('rating-thanks').focus();
}

showFooterLinks();
$('rating-form').addEventListener('submit', sendRating);
$('notify').addEventListener('click', askToNotify);
const bus = new EventBus('/eventbus');
bus.onState(state => {
    $('connection').hidden = state !== 'closed';
    if (state === 'open') {
        return refresh().catch(() => {});
    }
    return undefined;
});
bus.subscribe(`guichet.ticket.${token}`, () => refresh().catch(() => {}));
refresh().catch(() => { $('state').textContent = t('offline'); });
bus.start();
// People ahead change when others are called, which this ticket's channel does not tell: re-read now and then.
setInterval(() => refresh().catch(() => {}), RE_READ_MILLIS);
