// Waiting-room screen: the ticket just called, the last calls, people waiting, the time, a message line; calls are
// announced with a chime and a voice. Which room it shows comes from the screen's registration (GET /api/v1/auth/me).
import { EventBus } from '/shared/eventbus.js';
import { Announcer } from './announcer.js';
import {
    api, chooseLanguage, clockText, element, notRegisteredNotice, readSettings, showNotice,
    identifyScreen, resynchroniseWith, startHeartbeat, TEXTS,
} from './common.js';

const PAGE = '/display/';
const RECENT_COUNT = 6;
const FLASH_MILLIS = 5000;
const RETRY_MILLIS = 5000;

const settings = readSettings('guichet.display');
let lang = chooseLanguage(settings.lang, null);
let texts = TEXTS[lang];
const $ = id => document.getElementById(id);

const state = {
    me: null,
    site: null,
    current: null,
    recent: [],
    queue: null,
    announced: new Set(),
    syncs: 0,
    connection: 'connecting',
};
let flashTimer = null;

if (!settings.token) {
    notRegisteredNotice(PAGE);
} else {
    start().catch(error => console.error(error));
}

async function start() {
    const call = api(settings.token);
    applyStaticTexts();
    showConnection('connecting');
    startClock();
    const me = await identify(call);
    if (!me) {
        return;
    }
    state.me = me;
    lang = chooseLanguage(settings.lang, me.language);
    texts = TEXTS[lang];
    applyStaticTexts();
    const announcer = new Announcer({ lang, spokenText: texts.spoken });
    window.guichetAnnouncer = announcer;
    window.guichetDisplay = state;

    const bus = new EventBus('/eventbus', { token: settings.token });
    bus.onState(connection => {
        showConnection(connection);
        if (connection === 'open') {
            return resynchronise(call, bus);
        }
        return undefined;
    });
    bus.subscribe(`guichet.room.${me.roomId}`, message => onMessage(message, announcer));
    bus.start();
    startHeartbeat(call, 'screen', () => state.connection === 'open');
}

/** Who this screen is; waits for the server when it is unreachable. */
async function identify(call) {
    return identifyScreen(call, {
        page: PAGE,
        retryMillis: RETRY_MILLIS,
        accept: me => me.kind === 'screen' && me.roomId,
        wrongKind: me => showNotice('Ce jeton n’est pas celui d’un écran de salle d’attente', [
            me.kind === 'counter_screen'
                ? `Pour l’écran au-dessus d’un guichet, ouvrez ${location.origin}/display/counter.html.`
                : 'Demandez à un administrateur le jeton de l’écran de cette salle.',
            'This token does not belong to a waiting-room screen.',
        ]),
        whileOffline: () => showConnection('closed'),
    });
}

/** After every (re)connection: the registration may have changed, and calls may have been missed. */
function resynchronise(call, bus) {
    return resynchroniseWith(async () => {
        const me = await call('/api/v1/auth/me');
        if (me.roomId !== state.me.roomId) {
            location.reload();
            return;
        }
        const display = await call(`/api/v1/rooms/${encodeURIComponent(me.roomId)}/display`);
        applyDisplay(display);
    }, bus, PAGE, RETRY_MILLIS);
}

function applyDisplay(display) {
    state.syncs += 1;
    state.site = display.site;
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
    updateClock();
}

function onMessage(message, announcer) {
    switch (message.type) {
        case 'call':
        case 'recall':
            called(message.ticket, announcer);
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

function called(ticket, announcer) {
    if (state.current && state.current.id !== ticket.id) {
        state.recent.unshift(state.current);
    }
    state.recent = state.recent.filter(t => t.id !== ticket.id).slice(0, RECENT_COUNT);
    state.current = ticket;
    renderCalls();
    flash();
    const key = announcementKey(ticket);
    if (!state.announced.has(key)) {
        state.announced.add(key);
        if (state.announced.size > 1000) {
            state.announced = new Set([...state.announced].slice(-500));
        }
        announcer.announce(ticket);
    }
}

/** A called ticket sent back to the queue is no longer called: it leaves the board. */
function takenBack(ticket) {
    state.recent = state.recent.filter(t => t.id !== ticket.id);
    if (state.current && state.current.id === ticket.id) {
        state.current = state.recent.shift() || null;
    }
    renderCalls();
}

function flash() {
    const panel = $('current');
    panel.classList.remove('flash');
    void panel.offsetWidth;     // restart the animation on a recall
    panel.classList.add('flash');
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => panel.classList.remove('flash'), FLASH_MILLIS);
}

function renderCalls() {
    const panel = $('current');
    const current = state.current;
    panel.classList.toggle('empty', !current);
    $('current-label').textContent = current ? texts.ticket : texts.noCall;
    $('current-number').textContent = current ? current.number : '';
    $('current-number').classList.toggle('long', Boolean(current) && current.number.length > 4);
    $('current-counter').textContent = current ? (current.counterName || '') : texts.noCallDetail;
    const list = $('recent-list');
    list.replaceChildren(...state.recent.map(ticket => {
        const row = element('li', 'recent-row');
        row.appendChild(element('span', 'recent-number', ticket.number));
        row.appendChild(element('span', 'recent-counter', ticket.counterName || ''));
        return row;
    }));
    list.closest('section').classList.toggle('none', state.recent.length === 0);
}

function renderQueue() {
    const list = $('waiting-list');
    const queue = state.queue;
    if (!queue) {
        list.replaceChildren();
        return;
    }
    const services = (queue.services || []).filter(s => s.waiting > 0 || queue.services.length <= 6);
    const rows = services.length > 0
        ? services.map(service => waitingRow(service.prefix, serviceName(service), service.waiting))
        : [waitingRow('', $('room-name').textContent, queue.waiting)];
    list.replaceChildren(...rows);
}

function serviceName(service) {
    return (service.translations && service.translations[lang]) || service.name;
}

function waitingRow(prefix, name, waiting) {
    const row = element('li', waiting > 0 ? 'waiting-row' : 'waiting-row zero');
    row.appendChild(element('span', 'prefix', prefix || '·'));
    row.appendChild(element('span', 'service', name));
    row.appendChild(element('span', 'count', waiting > 0 ? texts.people(waiting) : texts.nobody));
    return row;
}

function applyStaticTexts() {
    document.documentElement.lang = lang;
    $('recent-title').textContent = texts.lastCalls;
    $('waiting-title').textContent = texts.waiting;
    $('connection-text').textContent = texts.reconnecting;
    renderCalls();
}

function showConnection(connection) {
    state.connection = connection;
    $('connection').hidden = connection === 'open';
    document.body.classList.toggle('offline', connection !== 'open');
}

function startClock() {
    updateClock();
    setInterval(updateClock, 1000);
}

function updateClock() {
    $('clock').textContent = clockText(state.site ? state.site.timeZone : undefined, lang);
}
