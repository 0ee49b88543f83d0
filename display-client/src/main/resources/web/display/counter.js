// Counter-top screen: the small screen above a desk shows the ticket being served there, or "libre" / "fermé".
// Reads only what a screen may know of its counter: name, status, and the current ticket's number and id
// (GET /api/v1/counters/<id> and guichet.counter.<id> carry no agent, pause reason, note or outcome for a screen).

import { flash, startScreen, stopFlash } from './screen.js';
import { face, SCORES } from '/shared/faces.js';
import { t } from '/shared/i18n.js';

/** Actions after which the counter no longer has this ticket. */
const ENDING = new Set(['finish', 'no-show', 'requeue', 'transfer', 'cancel']);
/** How long the details of a partner the visitor was oriented to stay up, unless the next visitor is called first. */
const ORIENTATION_MS = 3 * 60 * 1000;
/** How long the visitor just served may rate the visit on this screen (the server accepts it for 10 minutes). */
const RATING_MS = 90 * 1000;
const THANKS_MS = 5 * 1000;
/** How soon a failed read of the site's time zone is tried again. */
const ZONE_RETRY_MILLIS = 30 * 1000;

const state = {
    name: '', ticket: null, status: 'CLOSED', connection: 'connecting', syncs: 0, timeZone: null, fresh: false,
    orientation: null, rating: null,
};
let orientationTimer = null;
let ratingTimer = null;
let zoneRetry = null;
let api = null;
const $ = id => document.getElementById(id);

window.guichetCounterScreen = state;

startScreen({
    page: '/display/counter.html',
    storageKey: 'guichet.counterScreen',
    kind: 'counter_screen',
    channel: me => (me.counterId ? `guichet.counter.${me.counterId}` : null),
    notice: { key: 'notCounter', otherKind: 'screen', otherPage: '/display/' },
    state,
    identified: ({ api: screenApi }) => {
        api = screenApi;
    },
    load: async ({ me, api }) => {
        await readTimeZone(api, me.siteId);
        applyCounter(await api.get(`/counters/${encodeURIComponent(me.counterId)}`));
    },
    onMessage,
    timeZone: () => state.timeZone,
}).catch(error => console.error(error));

/**
 * The site's time zone for the clock, read again with the rest of the state (a changed zone is taken); while it has
 * never been read, tried again every half minute, the clock staying blank meanwhile.
 */
async function readTimeZone(api, siteId) {
    clearTimeout(zoneRetry);
    const site = await api.get(`/sites/${encodeURIComponent(siteId)}`).catch(() => null);
    state.timeZone = site?.timeZone || state.timeZone;
    if (!state.timeZone) {
        zoneRetry = setTimeout(() => readTimeZone(api, siteId), ZONE_RETRY_MILLIS);
    }
}

function applyCounter(counter) {
    state.name = counter.name;
    state.status = counter.status;
    state.ticket = counter.currentTicket || null;
    render();
}

function onMessage(message) {
    if (message.type === 'state') {
        applyCounter(message.counter);
        return;
    }
    if (message.type === 'orientation') {
        showOrientation(message.partner);
        return;
    }
    const ticket = message.ticket;
    if (!ticket) {
        return;
    }
    if (message.type === 'call' || message.type === 'recall') {
        showOrientation(null);
        showRating(null);
        state.ticket = ticket;
        state.status = state.status === 'CLOSED' ? 'OPEN' : state.status;
        state.fresh = true;
        render();
        flash(document.body, () => {
            state.fresh = false;
            render();
        });
    } else if (message.type === 'start') {
        state.ticket = ticket;
        render();
    } else if (ENDING.has(message.type) && state.ticket && state.ticket.id === ticket.id) {
        state.ticket = null;
        render();
        if (message.type === 'finish') {
            showRating({ ticketId: ticket.id, thanked: false });
        }
    }
}

/** After a visit served here, its visitor may tap a face: one answer, anonymous, then thanks. Null hides it. */
function showRating(rating) {
    clearTimeout(ratingTimer);
    state.rating = rating;
    if (rating) {
        ratingTimer = setTimeout(() => showRating(null), rating.thanked ? THANKS_MS : RATING_MS);
    }
    renderRating();
}

async function rate(score) {
    const rating = state.rating;
    if (!rating || rating.thanked || rating.sending || !api) {
        return;
    }
    rating.sending = true;
    try {
        await api.post('/satisfaction', { ticketId: rating.ticketId, score });
        showRating({ ...rating, sending: false, thanked: true });
    } catch (error) {
        // Rated already (from this screen a moment ago, or on the visitor's page): thanked all the same. Too late, or
        // anything else: nothing the visitor can do about it here.
        showRating(error?.code === 'already_rated' ? { ...rating, sending: false, thanked: true } : null);
    }
}

function renderRating() {
    const rating = state.rating;
    $('rating').hidden = !rating;
    document.body.classList.toggle('rating', Boolean(rating));
    if (!rating) {
        return;
    }
    $('rating-question').textContent = rating.thanked ? '' : t('rating.question');
    $('rating-question').hidden = rating.thanked;
    $('rating-thanks').textContent = rating.thanked ? t('rating.thanks') : '';
    $('rating-faces').hidden = rating.thanked;
    if (!rating.thanked) {
        $('rating-faces').replaceChildren(...SCORES.map(score => {
            const button = document.createElement('button');
            button.type = 'button';
            button.id = `rate-${score}`;
            button.className = 'rate';
            const label = document.createElement('span');
            label.textContent = t(`rating.${score}`);
            button.append(face(score), label);
            button.addEventListener('click', () => rate(score));
            return button;
        }));
    }
}

/**
 * Where the visitor just served should go next, handed over on the screen they face: the partner's name, address,
 * hours, phone and web site, with a QR code of the site for their phone. Null hides it.
 */
function showOrientation(partner) {
    clearTimeout(orientationTimer);
    state.orientation = partner;
    if (partner) {
        orientationTimer = setTimeout(() => showOrientation(null), ORIENTATION_MS);
    }
    render();
}

function renderOrientation() {
    const partner = state.orientation;
    $('orientation').hidden = !partner;
    if (!partner) {
        return;
    }
    $('orientation-title').textContent = t('orientation.title');
    $('orientation-name').textContent = partner.name;
    $('orientation-kind').textContent = partner.kind;
    const line = (id, key, value) => {
        $(id).hidden = !value;
        $(id).textContent = value ? t(key, { value }) : '';
    };
    line('orientation-address', 'orientation.address', partner.address);
    line('orientation-hours', 'orientation.hours', partner.hours);
    line('orientation-phone', 'orientation.phone', partner.phone);
    line('orientation-web', 'orientation.web', partner.web);
    const qr = $('orientation-qr');
    qr.hidden = !partner.webQr;
    qr.alt = partner.webQr ? t('orientation.qr', { web: partner.web }) : '';
    if (partner.webQr) {
        qr.src = partner.webQr;
    } else {
        qr.removeAttribute('src');
    }
}

function render() {
    renderOrientation();
    const oriented = Boolean(state.orientation) && !state.ticket;
    document.body.classList.toggle('oriented', oriented);
    $('counter-name').textContent = state.name;
    const ticket = state.ticket;
    const status = ticket ? 'TICKET' : state.status;
    const body = document.body;
    if (!ticket) {
        stopFlash(body);
        state.fresh = false;
    }
    body.classList.toggle('free', status === 'OPEN');
    body.classList.toggle('closed', status === 'CLOSED');
    body.classList.toggle('paused', status === 'PAUSED');
    body.dataset.status = status;
    // A new call says so in words while it flashes, so colour and motion are not its only sign.
    $('label').textContent = !ticket ? '' : state.fresh ? t('newCall') : t('ticket');
    $('number').textContent = ticket ? ticket.number : '';
    $('number').classList.toggle('long', Boolean(ticket) && ticket.number.length > 4);
    $('status').textContent = ticket ? ''
        : { OPEN: t('free'), PAUSED: t('paused') }[status] ?? t('closed');
    $('label').hidden = !ticket;
    $('number').hidden = !ticket;
    $('status').hidden = Boolean(ticket) || oriented;
}
