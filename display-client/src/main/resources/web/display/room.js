// Waiting-room screen: the ticket just called, the last calls, people waiting, the time, a message line; calls are
// announced with a chime and a voice. Which room it shows comes from the screen's registration (GET /api/v1/auth/me).
// Reads only what a screen may know of a ticket: number, spoken form, counter name, status, recall count.
//
// The current call stays while its visitor walks to the counter; once the service has started (or the visitor was
// marked absent) it goes to the last calls, after it has been shown at least ENDED_SHOWN_MILLIS. A ticket
// put back on hold or transferred leaves the board at once (it will be called again). With the deaf visitors' option
// (?deaf=1) every call stays at least `hold` seconds, then flashes LEAVING_FLASHES times before the next one (or the
// empty card) replaces it; its chime and voice come when it is shown.

import { Announcer } from './announcer.js';
import { flash, startScreen, stopFlash } from './screen.js';
import { h } from '/shared/dom.js';
import { language, localName, placeOf, t } from '/shared/i18n.js';

const RECENT_COUNT = 6;
/** How long a "go to that room" notice stays in the footer. */
const MOVED_MS = 60000;
const ANNOUNCED_KEPT = 1000;
/** How long an ended call is still shown (everyone): about the time of its chime, voice and flash. */
const ENDED_SHOWN_MILLIS = 10000;
/** The deaf visitors' option: how long each call stays at least, unless ?hold=<seconds> says otherwise. */
const DEAF_HOLD_SECONDS = 30;
/** The deaf visitors' option: the number flashes this many times, one flash a second, before it changes. */
const LEAVING_FLASHES = 3;
const LEAVING_MILLIS = LEAVING_FLASHES * 1000;
/** Actions after which a called visitor is at the counter, or no longer expected there (rooms hear no finish). */
const ENDING = new Set(['start', 'no-show']);
/** Actions that take a call back: the ticket is waiting again, or for another service or counter. */
const TAKEN_BACK = new Set(['requeue', 'transfer']);

const state = {
    site: null,
    roomName: '',
    current: null,
    shownAt: 0,
    currentEnded: false,
    leaving: false,
    fresh: false,
    pending: [],
    recent: [],
    deaf: false,
    holdMillis: 0,
    shown: [],
    queue: null,
    queueAt: 0,
    announced: new Set(),
    syncs: 0,
    connection: 'connecting',
    footer: '',
    moved: null,
};
let announcer = null;
const $ = id => document.getElementById(id);

window.guichetDisplay = state;

startScreen({
    page: '/display/',
    storageKey: 'guichet.display',
    kind: 'screen',
    channel: me => (me.roomId ? `guichet.room.${me.roomId}` : null),
    notice: { key: 'notRoom', otherKind: 'counter_screen', otherPage: '/display/counter.html' },
    state,
    rendered: renderCalls,
    identified: ({ settings }) => {
        state.deaf = settings.deaf;
        state.holdMillis = settings.deaf ? (settings.hold ?? DEAF_HOLD_SECONDS) * 1000 : 0;
        document.body.classList.toggle('deaf-option', state.deaf);
        announcer = new Announcer({
            lang: language(),
            spokenText: (number, counter) => t(counter ? 'spoken' : 'spoken.noCounter', { number, counter }),
        });
        window.guichetAnnouncer = announcer;
    },
    load: async ({ me, api, settings }) => {
        applyDisplay(await api.get(`/rooms/${encodeURIComponent(me.roomId)}/display`), settings);
    },
    onMessage,
    timeZone: () => state.site?.timeZone,
}).catch(error => console.error(error));

function applyDisplay(display, settings) {
    state.site = display.site;
    state.roomName = display.room.name;
    $('room-name').textContent = display.room.name;
    $('site-name').textContent = display.site.name;
    const calls = display.recentCalls || [];
    calls.forEach(ticket => state.announced.add(announcementKey(ticket)));
    const stillCalled = calls.length > 0 && calls[0].status === 'CALLED';
    // Read again (reconnection, renamed catalogue): the board starts over from the server's calls, a flash-out included.
    clearTimeout(boardTimer);
    state.leaving = false;
    $('current').classList.remove('leaving');
    state.current = stillCalled ? calls[0] : null;
    state.shownAt = performance.now();
    state.currentEnded = false;
    state.pending = [];
    state.recent = calls.slice(stillCalled ? 1 : 0, (stillCalled ? 1 : 0) + RECENT_COUNT);
    state.queue = display.queue || null;
    state.queueAt = 0;
    state.footer = settings.message || display.site.footer || '';
    showFooter();
    renderCalls();
    renderQueue();
}

function onMessage(message) {
    const type = message.type;
    if (type === 'call' || type === 'recall') {
        called(message.ticket);
    } else if (ENDING.has(type)) {
        ended(message.ticket);
    } else if (TAKEN_BACK.has(type)) {
        takenBack(message.ticket);
        if (message.next) {
            moved(message.ticket, message.next);
        }
    } else if (type === 'queue') {
        // Counts read before those shown are never taken back (a socket hears one server, which publishes its reads
        // in order: a guard).
        const at = Date.parse(message.at);
        if (at < state.queueAt) {
            return;
        }
        state.queueAt = at;
        state.queue = message.room;
        renderQueue();
    }
}

function announcementKey(ticket) {
    return `${ticket.id}:${ticket.recallCount || 0}`;
}

const sameTicket = ticket => other => other.id === ticket.id;
const otherTicket = ticket => other => other.id !== ticket.id;
let boardTimer = null;
let movedTimer = null;

function called(ticket) {
    if (state.current && state.current.id === ticket.id && !state.leaving) {
        // A recall of the call on screen: shown, flashed and announced again, for as long as a new call.
        state.current = ticket;
        state.currentEnded = false;
        show();
        return;
    }
    state.recent = state.recent.filter(otherTicket(ticket));
    state.pending = state.pending.filter(otherTicket(ticket));
    state.pending.push(ticket);
    advance();
}

/** The visitor reached the counter (start) or did not come (no-show). */
function ended(ticket) {
    if (state.current && state.current.id === ticket.id) {
        state.currentEnded = true;
        advance();
    } else if (state.pending.some(sameTicket(ticket))) {
        // Called and already at the counter before a deaf-option screen could show it: only the last calls keep it.
        state.pending = state.pending.filter(otherTicket(ticket));
        state.recent = [ticket, ...state.recent].slice(0, RECENT_COUNT);
        renderCalls();
    }
}

/**
 * A visitor transferred to a service that waits in another room: where to go, in the footer, for a minute (or until
 * the next such notice), then the footer's own message again.
 */
function moved(ticket, next) {
    state.moved = t('moved', { number: ticket.number, place: placeOf(next, { withDirections: true }) });
    showFooter();
    clearTimeout(movedTimer);
    movedTimer = setTimeout(() => {
        state.moved = null;
        showFooter();
    }, MOVED_MS);
}

function showFooter() {
    const text = state.moved || state.footer;
    $('message').textContent = text;
    $('message').hidden = !text;
    $('message').classList.toggle('moved', Boolean(state.moved));
}

/** A called ticket sent back to the queue, or to another service or counter, is no longer called: it leaves the board. */
function takenBack(ticket) {
    state.recent = state.recent.filter(otherTicket(ticket));
    state.pending = state.pending.filter(otherTicket(ticket));
    if (state.current && state.current.id === ticket.id) {
        state.current = null;
        state.currentEnded = false;
        advance();
    }
    renderCalls();
}

/**
 * Moves the board on when it may: the next call waiting to be shown, or the empty card once the current call has
 * ended, each after the current call has been shown long enough (then, with the deaf option, flashed).
 */
function advance() {
    clearTimeout(boardTimer);
    if (state.leaving) {
        return;
    }
    if (!state.current) {
        if (state.pending.length > 0) {
            showNext();
        }
        return;
    }
    if (state.pending.length === 0 && !state.currentEnded) {
        return;
    }
    const shownFor = state.pending.length > 0 ? state.holdMillis : Math.max(state.holdMillis, ENDED_SHOWN_MILLIS);
    const wait = state.shownAt + shownFor - performance.now();
    if (wait > 0) {
        boardTimer = setTimeout(advance, wait);
        return;
    }
    if (state.deaf) {
        state.leaving = true;
        state.fresh = false;
        record('leaving', state.current);
        $('current').classList.remove('flash');
        $('current').classList.add('leaving');
        renderCalls();
        boardTimer = setTimeout(() => {
            state.leaving = false;
            $('current').classList.remove('leaving');
            showNext();
        }, LEAVING_MILLIS);
        return;
    }
    showNext();
}

/** Puts the current call on top of the last calls and shows the next one (or the empty card). */
function showNext() {
    if (state.current) {
        state.recent = [state.current, ...state.recent.filter(otherTicket(state.current))].slice(0, RECENT_COUNT);
    }
    state.current = state.pending.shift() || null;
    state.currentEnded = false;
    if (state.current) {
        show();
    } else {
        record('cleared', null);
        renderCalls();
    }
    advance();
}

/** Shows the current call now: flashed, marked new (or recalled) in words, and announced once. */
function show() {
    const ticket = state.current;
    state.shownAt = performance.now();
    record('shown', ticket, state.shownAt);
    state.fresh = true;
    renderCalls();
    flash($('current'), () => {
        state.fresh = false;
        renderCalls();
    });
    const key = announcementKey(ticket);
    if (!state.announced.has(key)) {
        state.announced.add(key);
        if (state.announced.size > ANNOUNCED_KEPT) {
            state.announced = new Set([...state.announced].slice(-ANNOUNCED_KEPT / 2));
        }
        announcer.announce(ticket);
    }
}

/**
 * What the board did and when (performance.now()), for diagnosis and the tests: shown, leaving, cleared. A call is
 * recorded shown at the very instant its hold is counted from (two readings of the clock may differ by its jitter).
 */
function record(event, ticket, at = performance.now()) {
    state.shown.push({ event, number: ticket?.number ?? null, at });
    if (state.shown.length > 100) {
        state.shown.splice(0, state.shown.length - 100);
    }
}

/** The words above the number: a new call or a recall says so while it flashes, so colour and motion are not alone. */
function currentLabel(current) {
    if (!current) {
        return t('noCall');
    }
    if (state.leaving) {
        return t('callEnding');
    }
    if (state.fresh) {
        return t((current.recallCount || 0) > 0 ? 'recalled' : 'newCall');
    }
    return t('ticket');
}

function renderCalls() {
    const current = state.current;
    if (!current) {
        stopFlash($('current'));
        state.fresh = false;
    }
    $('current').classList.toggle('empty', !current);
    $('current').classList.toggle('fresh', Boolean(current) && state.fresh);
    $('current-label').textContent = currentLabel(current);
    $('current-number').textContent = current ? current.number : '';
    $('current-number').classList.toggle('long', Boolean(current) && current.number.length > 4);
    $('current-counter').textContent = current ? (current.counterName || '') : t('noCallDetail');
    const list = $('recent-list');
    list.replaceChildren(...state.recent.map(ticket => h('li', { class: 'recent-row' },
        h('span', { class: 'recent-number' }, ticket.number),
        h('span', { class: 'recent-counter' }, ticket.counterName || ''))));
    list.closest('section').classList.toggle('none', state.recent.length === 0);
}

function renderQueue() {
    const queue = state.queue;
    if (!queue) {
        $('waiting-list').replaceChildren();
        return;
    }
    const services = (queue.services || []).filter(s => s.waiting > 0 || queue.services.length <= 6);
    const rows = services.length > 0
        ? services.map(service => waitingRow(service.prefix, localName(service), service.waiting))
        : [waitingRow('', state.roomName, queue.waiting)];
    $('waiting-list').replaceChildren(...rows);
}

function waitingRow(prefix, name, waiting) {
    return h('li', { class: waiting > 0 ? 'waiting-row' : 'waiting-row zero' },
        h('span', { class: 'prefix' }, prefix || '·'),
        h('span', { class: 'service' }, name),
        h('span', { class: 'count' }, waiting > 0 ? t('people', { count: waiting }) : t('nobody')));
}
