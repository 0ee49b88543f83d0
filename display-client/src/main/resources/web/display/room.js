// Waiting-room screen: the ticket just called, the last calls, people waiting, the time, a message line; calls are
// announced with a chime and a voice. Which room it shows comes from the screen's registration (GET /api/v1/auth/me).
// Reads only what a screen may know of a ticket: number, spoken form, counter name, recall count.

import { Announcer } from './announcer.js';
import { flash, startScreen } from './screen.js';
import { h } from '/shared/dom.js';
import { language, localName, t } from '/shared/i18n.js';

const RECENT_COUNT = 6;
const ANNOUNCED_KEPT = 1000;

const state = {
    site: null,
    roomName: '',
    current: null,
    recent: [],
    queue: null,
    announced: new Set(),
    syncs: 0,
    connection: 'connecting',
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
    identified: () => {
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
    state.current = calls[0] || null;
    state.recent = calls.slice(1, 1 + RECENT_COUNT);
    state.queue = display.queue || null;
    const message = settings.message || display.site.footer;
    $('message').textContent = message || '';
    $('message').hidden = !message;
    renderCalls();
    renderQueue();
}

function onMessage(message) {
    switch (message.type) {
        case 'call':
        case 'recall':
            called(message.ticket);
            break;
        case 'requeue':
            takenBack(message.ticket);
            break;
        case 'queue':
            state.queue = message.room;
            renderQueue();
            break;
        default:
            break;
    }
}

function announcementKey(ticket) {
    return `${ticket.id}:${ticket.recallCount || 0}`;
}

function called(ticket) {
    if (state.current && state.current.id !== ticket.id) {
        state.recent.unshift(state.current);
    }
    state.recent = state.recent.filter(other => other.id !== ticket.id).slice(0, RECENT_COUNT);
    state.current = ticket;
    renderCalls();
    flash($('current'));
    const key = announcementKey(ticket);
    if (!state.announced.has(key)) {
        state.announced.add(key);
        if (state.announced.size > ANNOUNCED_KEPT) {
            state.announced = new Set([...state.announced].slice(-ANNOUNCED_KEPT / 2));
        }
        announcer.announce(ticket);
    }
}

/** A called ticket sent back to the queue is no longer called: it leaves the board. */
function takenBack(ticket) {
    state.recent = state.recent.filter(other => other.id !== ticket.id);
    if (state.current && state.current.id === ticket.id) {
        state.current = state.recent.shift() || null;
    }
    renderCalls();
}

function renderCalls() {
    const current = state.current;
    $('current').classList.toggle('empty', !current);
    $('current-label').textContent = current ? t('ticket') : t('noCall');
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
