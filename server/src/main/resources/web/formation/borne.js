// The training kiosk: a training copy's menu as big buttons; a tap gives a ticket of the copy, shown on screen (a
// training kiosk has no printer). It acts with the session of the tab that opened it: the supervision's Training
// tab, or the tablet in training mode.

import './texts.js';
import '/public/texts.js';
import { showAccessibilityLink } from '/public/accessibility-link.js';
import { Api } from '/shared/api.js';
import { language, languages, localName, setLanguage, t, translatePage } from '/shared/i18n.js';

const SESSION_KEYS = ['guichet.supervisor.token', 'guichet.counter.token'];
const TRAINING_PREFIX = 'formation:';
const $ = id => document.getElementById(id);
const copyId = new URLSearchParams(location.search).get('copy') ?? '';
const token = SESSION_KEYS.map(key => sessionStorage.getItem(key)).find(Boolean) ?? null;
const api = new Api({ token });
const state = { menu: null, path: [], rooms: new Map(), ticket: null };
const NAMES = { fr: 'Français', en: 'English', es: 'Español', oc: 'Occitan' };

/** As at a real kiosk: French first, a button per language, and every text redrawn in the one chosen. */
function showLanguages() {
    const nav = $('languages');
    nav.setAttribute('aria-label', t('lang.label'));
    const list = document.createElement('ul');
    for (const code of languages()) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.lang = code;
        button.textContent = NAMES[code] ?? code;
        button.setAttribute('aria-pressed', String(code === language()));
        button.addEventListener('click', () => chooseLanguage(code));
        item.append(button);
        list.append(item);
    }
    nav.replaceChildren(list);
    showAccessibilityLink($('accessibility'), language());
}

function chooseLanguage(code) {
    setLanguage(code);
    translatePage();
    showLanguages();
    if (state.menu) {
        $('site-name').textContent = state.menu.site.name;
        if (state.ticket) {
            showTicket();
        } else {
            showMenu();
        }
    }
}

function say(text) {
    $('status').textContent = text;
}

function entriesAt(path) {
    let entries = state.menu.entries;
    for (const id of path) {
        entries = entries.find(entry => entry.id === id)?.children ?? [];
    }
    return entries.filter(entry => entry.kind !== 'orientation');
}

function showMenu() {
    $('ticket-view').hidden = true;
    $('menu-view').hidden = false;
    $('back').hidden = state.path.length === 0;
    $('entries').replaceChildren(...entriesAt(state.path).map(entry => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'primary';
        button.textContent = localName(entry);
        button.addEventListener('click', () => choose(entry));
        item.append(button);
        return item;
    }));
}

function choose(entry) {
    if (entry.children?.length) {
        state.path.push(entry.id);
        showMenu();
        return;
    }
    issue(entry);
}

async function issue(service) {
    say(t('kiosk.wait'));
    try {
        const ticket = await api.post('/tickets', { siteId: copyId, serviceId: service.id, language: language(),
            priority: $('priority').checked ? 'PRIORITY' : 'NORMAL' });
        say('');
        state.ticket = { number: ticket.number, peopleAhead: ticket.peopleAhead, service };
        showTicket();
        $('ticket-title').focus();
    } catch (e) {
        say(t('kiosk.failed', { reason: e.message }));
    }
}

function showTicket() {
    const { number, peopleAhead, service } = state.ticket;
    $('ticket-number').textContent = number;
    $('ticket-service').textContent = localName(service);
    $('ticket-ahead').textContent = t('kiosk.ahead', { count: peopleAhead });
    const room = state.rooms.get(service.roomId);
    $('ticket-where').textContent = room
        ? t('kiosk.where', { room: room.translations?.[language()]?.name || room.name }) : '';
    $('menu-view').hidden = true;
    $('ticket-view').hidden = false;
}

function done() {
    state.ticket = null;
    state.path = [];
    $('priority').checked = false;
    showMenu();
    $('menu-title').focus();
}

async function start() {
    setLanguage('fr');
    translatePage();
    showLanguages();
    if (!copyId.startsWith(TRAINING_PREFIX)) {
        say(t('kiosk.notCopy'));
        return;
    }
    if (!token) {
        say(t('kiosk.noSession'));
        return;
    }
    $('back').addEventListener('click', () => {
        state.path.pop();
        showMenu();
    });
    $('done').addEventListener('click', done);
    try {
        const [menu, layout] = await Promise.all([api.get(`/sites/${encodeURIComponent(copyId)}/menu`),
            api.get(`/sites/${encodeURIComponent(copyId)}`)]);
        state.menu = menu;
        layout.rooms.forEach(room => state.rooms.set(room.id, room));
        $('site-name').textContent = menu.site.name;
        showMenu();
    } catch (e) {
        say(t('kiosk.failed', { reason: e.message }));
    }
}

start();
