// Counter-top screen: the small screen above a desk shows the ticket being served there, or "libre" / "fermé".
import { EventBus } from '/shared/eventbus.js';
import {
    api, chooseLanguage, clockText, notRegisteredNotice, readSettings, showNotice,
    identifyScreen, resynchroniseWith, startHeartbeat, TEXTS,
} from './common.js';

const PAGE = '/display/counter.html';
const RETRY_MILLIS = 5000;
const FLASH_MILLIS = 5000;
/** Actions after which the counter no longer has this ticket. */
const ENDING = new Set(['finish', 'no-show', 'requeue', 'transfer', 'cancel']);

const settings = readSettings('guichet.counterScreen');
let lang = chooseLanguage(settings.lang, null);
let texts = TEXTS[lang];
const $ = id => document.getElementById(id);

const state = { counter: null, ticket: null, status: 'CLOSED', connection: 'connecting', syncs: 0, timeZone: null };
let flashTimer = null;

if (!settings.token) {
    notRegisteredNotice(PAGE);
} else {
    start().catch(error => console.error(error));
}

async function start() {
    document.documentElement.lang = lang;
    $('connection-text').textContent = texts.reconnecting;
    const call = api(settings.token);
    showConnection('connecting');
    updateClock();
    setInterval(updateClock, 1000);
    const me = await identify(call);
    if (!me) {
        return;
    }
    lang = chooseLanguage(settings.lang, me.language);
    texts = TEXTS[lang];
    document.documentElement.lang = lang;
    $('connection-text').textContent = texts.reconnecting;
    window.guichetCounterScreen = state;
    const bus = new EventBus('/eventbus', { token: settings.token });
    bus.onState(connection => {
        showConnection(connection);
        return connection === 'open' ? resynchronise(call, bus, me.counterId) : undefined;
    });
    bus.subscribe(`guichet.counter.${me.counterId}`, onMessage);
    bus.start();
    startHeartbeat(call, 'counter_screen', () => state.connection === 'open');
}

async function identify(call) {
    const me = await identifyScreen(call, {
        page: PAGE,
        retryMillis: RETRY_MILLIS,
        accept: found => found.kind === 'counter_screen' && found.counterId,
        wrongKind: found => showNotice('Ce jeton n’est pas celui d’un écran de guichet', [
            found.kind === 'screen'
                ? `Pour l’écran de la salle d’attente, ouvrez ${location.origin}/display/.`
                : 'Demandez à un administrateur le jeton de l’écran de ce guichet.',
            'This token does not belong to a counter-top screen.',
        ]),
        whileOffline: () => showConnection('closed'),
    });
    if (me) {
        try {
            const site = await call(`/api/v1/sites/${encodeURIComponent(me.siteId)}`);
            state.timeZone = site.timeZone;
        } catch (e) {
            state.timeZone = null;
        }
    }
    return me;
}

function resynchronise(call, bus, counterId) {
    return resynchroniseWith(async () => {
        const counter = await call(`/api/v1/counters/${encodeURIComponent(counterId)}`);
        state.syncs += 1;
        applyCounter(counter);
    }, bus, PAGE, RETRY_MILLIS);
}

function applyCounter(counter) {
    state.counter = counter;
    state.status = counter.status;
    state.ticket = counter.currentTicket || null;
    render();
}

function onMessage(message) {
    if (message.type === 'state') {
        applyCounter(message.counter);
        return;
    }
    const ticket = message.ticket;
    if (!ticket) {
        return;
    }
    if (message.type === 'call' || message.type === 'recall') {
        state.ticket = ticket;
        state.status = state.status === 'CLOSED' ? 'OPEN' : state.status;
        render();
        flash();
    } else if (message.type === 'start') {
        state.ticket = ticket;
        render();
    } else if (ENDING.has(message.type) && state.ticket && state.ticket.id === ticket.id) {
        state.ticket = null;
        render();
    }
}

function render() {
    const counter = state.counter;
    $('counter-name').textContent = counter ? counter.name : '';
    const body = document.body;
    const ticket = state.ticket;
    const status = ticket ? 'TICKET' : state.status;
    body.classList.toggle('free', status === 'OPEN');
    body.classList.toggle('closed', status === 'CLOSED');
    body.classList.toggle('paused', status === 'PAUSED');
    body.dataset.status = status;
    $('label').textContent = ticket ? texts.ticket : '';
    $('number').textContent = ticket ? ticket.number : '';
    $('number').classList.toggle('long', Boolean(ticket) && ticket.number.length > 4);
    $('status').textContent = ticket ? ''
        : status === 'OPEN' ? texts.free : status === 'PAUSED' ? texts.paused : texts.closed;
    $('label').hidden = !ticket;
    $('number').hidden = !ticket;
    $('status').hidden = Boolean(ticket);
}

function flash() {
    document.body.classList.remove('flash');
    void document.body.offsetWidth;
    document.body.classList.add('flash');
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => document.body.classList.remove('flash'), FLASH_MILLIS);
}

function showConnection(connection) {
    state.connection = connection;
    $('connection').hidden = connection === 'open';
}

function updateClock() {
    $('clock').textContent = clockText(state.timeZone || undefined, lang);
}
