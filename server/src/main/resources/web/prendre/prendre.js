// A site's page for taking a ticket on one's own phone: /prendre/<site>, from the QR code of a poster in the hall.
// One button per service; the ticket then shows on the visitor's ticket page (/ticket/<token>), which warns them when
// their turn is near. The phone keeps a random key, by which the server holds it to one ticket in progress here.

import './texts.js';
import { startPublicPage } from '/public/page.js';
import { Api, ApiError } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { formatClock, language, localName, t } from '/shared/i18n.js';

const KEY_STORAGE = 'guichet.phone.key';
const siteId = decodeURIComponent(location.pathname.replace(/^\/prendre\/?/, '').replace(/\/$/, ''));
const mineStorage = `guichet.phone.ticket.${siteId}`;
const api = new Api();
const $ = id => document.getElementById(id);

/** The browser's storage, when it lets the page use it (a private window may not): else nothing is kept. */
function stored(key) {
    try {
        return localStorage.getItem(key);
    } catch (blocked) {
        return null;
    }
}

function store(key, value) {
    try {
        localStorage.setItem(key, value);
    } catch (blocked) {
        // Not kept: the phone gets a new key next time, and the address's allowance still holds.
    }
}

/** 24 random characters of base64url. */
function randomKey() {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/** The phone's own random key, made once. */
function phoneKey() {
    let key = stored(KEY_STORAGE);
    if (!key) {
        key = randomKey();
        store(KEY_STORAGE, key);
    }
    return key;
}

function say(text) {
    $('status').textContent = text;
}

/** The ticket this phone took here today, to find it again. */
function showMine() {
    let mine = null;
    try {
        mine = JSON.parse(stored(mineStorage) || 'null');
    } catch (unreadable) {
        mine = null;
    }
    const today = new Date().toISOString().slice(0, 10);
    const shown = mine && mine.day === today;
    $('mine').hidden = !shown;
    if (shown) {
        $('mine-link').href = mine.statusPath;
    }
}

function button(entry) {
    const choice = document.createElement('button');
    choice.type = 'button';
    choice.className = 'entry';
    choice.textContent = localName(entry);
    choice.addEventListener('click', () => take(entry));
    return choice;
}

/** Services at the top, and each sub-menu's services under its name; orientation entries are for the kiosk. */
function showEntries(entries) {
    const groups = [];
    const top = entries.filter(entry => entry.kind === 'service');
    if (top.length) {
        const group = document.createElement('div');
        group.className = 'entries-group';
        group.append(...top.map(button));
        groups.push(group);
    }
    entries.filter(entry => entry.kind === 'menu' && entry.children?.some(child => child.kind === 'service'))
        .forEach(menu => {
            const group = document.createElement('section');
            group.className = 'entries-group';
            const title = document.createElement('h3');
            title.textContent = localName(menu);
            group.append(title, ...menu.children.filter(child => child.kind === 'service').map(button));
            groups.push(group);
        });
    $('entries').replaceChildren(...groups);
}

function closedSentence(opening) {
    const next = opening.nextOpening;
    if (!next) {
        return t('phone.closed');
    }
    const [year, month, day] = next.date.split('-').map(Number);
    const dayText = new Intl.DateTimeFormat(language(), { weekday: 'long', day: 'numeric', month: 'long',
        timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
    return t('phone.reopens', { day: dayText, time: next.time.slice(0, 5) });
}

/**
 * This page's request key, the same for every tap until a ticket is taken: a double tap, or a tap again after an
 * answer was lost, gets the same ticket.
 */
const requestKey = randomKey();

async function take(service) {
    say(t('phone.taking'));
    try {
        const ticket = await api.post(`/public/sites/${encodeURIComponent(siteId)}/tickets`, {
            serviceId: service.id, language: language(), phoneKey: phoneKey(), idempotencyKey: requestKey,
            priority: $('priority').checked ? 'PRIORITY' : 'NORMAL',
            smsPhone: $('sms').hidden ? undefined : $('sms-phone').value.trim() || undefined });
        store(mineStorage, JSON.stringify({ statusPath: ticket.statusPath,
            day: new Date().toISOString().slice(0, 10) }));
        location.assign(ticket.statusPath);
    } catch (error) {
        if (error instanceof ApiError && error.code === 'phone_has_ticket' && error.current?.statusPath) {
            location.assign(error.current.statusPath);
        } else if (error instanceof ApiError && error.code === 'bad_phone_number') {
            say(t('phone.badNumber'));
            $('sms-phone').focus();
        } else if (error instanceof ApiError && error.code === 'too_many_tickets') {
            say(t('phone.tooMany'));
        } else if (error instanceof ApiError && error.code === 'site_closed') {
            await load();
        } else {
            say(t('phone.failed'));
        }
    }
}

/** Every service of the menu, sub-menus included, for the call-back form. */
function services(entries) {
    return entries.flatMap(entry => (entry.kind === 'service' ? [entry]
        : entry.kind === 'menu' ? services(entry.children ?? []) : []));
}

function showCallbackForm(menu) {
    const offered = services(menu.entries);
    $('callback').hidden = offered.length === 0;
    $('callback-service').replaceChildren(...offered.map(service => h('option', { value: service.id },
        localName(service))));
    siteTimeZone = menu.site.timeZone;
}

let siteTimeZone = null;

/** "le 2 déc. entre 08:30 et 17:00", in the site's time. */
function when(callback) {
    const day = new Intl.DateTimeFormat(language(), { weekday: 'long', day: 'numeric', month: 'long',
        timeZone: siteTimeZone || undefined }).format(new Date(callback.preferredFrom));
    return t('callback.when', { day, from: formatClock(callback.preferredFrom, siteTimeZone),
        to: formatClock(callback.preferredTo, siteTimeZone) });
}

const CALLBACK_REFUSALS = { bad_phone_number: 'callback.badNumber', callback_exists: 'callback.exists',
    too_many_requests: 'callback.tooMany', outside_opening_hours: 'callback.closed', bad_window: 'callback.closed' };

async function askCallback(event) {
    event.preventDefault();
    const phone = $('callback-phone').value.trim();
    const subject = $('callback-subject').value.trim();
    if (!phone || !subject) {
        $('callback-status').textContent = t(phone ? 'callback.needSubject' : 'callback.badNumber');
        (phone ? $('callback-subject') : $('callback-phone')).focus();
        return;
    }
    $('callback-send').disabled = true;
    try {
        const callback = await api.post(`/public/sites/${encodeURIComponent(siteId)}/callbacks`, {
            serviceId: $('callback-service').value, phone, subject, language: language() });
        $('callback-form').reset();
        $('callback-status').textContent = t('callback.done', { when: when(callback) });
    } catch (error) {
        const key = error instanceof ApiError ? CALLBACK_REFUSALS[error.code] : null;
        $('callback-status').textContent = t(key ?? 'callback.failed');
    } finally {
        $('callback-send').disabled = false;
    }
}

async function load() {
    let menu;
    try {
        menu = await api.get(`/public/sites/${encodeURIComponent(siteId)}/menu`);
    } catch (error) {
        say(error instanceof ApiError && error.status === 404 ? t('phone.unknown') : t('phone.failed'));
        return;
    }
    $('site-name').textContent = menu.site.name;
    showCallbackForm(menu);
    const issuing = menu.opening.issuing;
    $('menu').hidden = !issuing;
    $('sms').hidden = !menu.smsReminders;
    say(issuing ? '' : closedSentence(menu.opening));
    if (issuing) {
        showEntries(menu.entries);
    }
}

$('callback-form').addEventListener('submit', askCallback);
startPublicPage();
showMine();
load();
