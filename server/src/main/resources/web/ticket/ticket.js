// A visitor's own ticket, opened from the QR code printed on it: /ticket/<statusToken>.
// Shows the number, people ahead, then the counter when called, in the ticket's language; live through
// guichet.ticket.<token>, whose messages only say "read the ticket again".

import './texts.js';
import { Api, ApiError } from '/shared/api.js';
import { EventBus } from '/shared/eventbus.js';
import { face, SCORES } from '/shared/faces.js';
import { language, setLanguage, t, translatePage } from '/shared/i18n.js';
import { showAccessibilityLink } from '/public/accessibility-link.js';

const RE_READ_MILLIS = 20000;

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
    const place = where ? [where.room, where.building, where.floor].filter(Boolean).join(', ') : '';
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
    showWhere(ticket);
    showRating(ticket);
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
