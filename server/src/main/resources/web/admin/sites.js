// The sites the administrator covers, read from the deployment: each with its parts and its opening hours. One is
// edited on its own (name, address, time zone, hours, closures, cut-off, archived) and its waiting rooms one by one,
// always over the revision read: a colleague's change made meanwhile is never undone silently.
import { tokens } from './deployment.js';
import { ApiError } from '/shared/api.js';
import { announce, h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** The visitors' languages a site's French texts are translated into. */
const TRANSLATED = ['en', 'es', 'oc'];
const $ = (id) => document.getElementById(id);

export class SitesView {
    constructor(api, showError) {
        this.api = api;
        this.showError = showError;
        this.deployment = null;
        this.editing = null;
        $('site-form').addEventListener('submit', (event) => this.saveSite(event));
        $('room-form').addEventListener('submit', (event) => this.saveRoom(event));
        $('service-form').addEventListener('submit', (event) => this.saveService(event));
        $('counter-form').addEventListener('submit', (event) => this.saveCounter(event));
        $('device-form').addEventListener('submit', (event) => this.saveDevice(event));
        $('plan-form').addEventListener('submit', (event) => this.savePlan(event));
        $('service-kind').addEventListener('change', showOrientationFields);
        $('site-new-blank').addEventListener('submit', (event) => this.createBlank(event));
        $('site-close').addEventListener('click', () => {
            $('site-edit').hidden = true;
        });
    }

    /** The deployment changed: read it again next time. */
    stale() {
        this.deployment = null;
    }

    async show() {
        try {
            this.deployment ??= await this.api.get('/admin/deployment');
            this.render();
        } catch (e) {
            this.showError(e);
        }
    }

    render() {
        const sites = this.deployment.sites;
        document.getElementById('sites-count').textContent = t('sites.count', { count: sites.length });
        const headers = ['sites.site', 'sites.zone', 'sites.rooms', 'sites.services', 'sites.counters', 'sites.devices',
            'sites.hours'];
        document.getElementById('sites').replaceChildren(
            h('thead', {}, h('tr', {}, headers.map(key => h('th', { scope: 'col' }, t(key))))),
            h('tbody', {}, sites.map(site => h('tr', { 'data-site': site.id },
                h('th', { scope: 'row' }, h('button', { type: 'button', class: 'row-link', 'data-action': 'edit',
                    onclick: () => this.edit(site.id) }, site.name), h('span', { class: 'id' }, site.id),
                site.active === false ? h('span', { class: 'badge off' }, t('site.archivedBadge')) : null),
                h('td', {}, site.timeZone),
                h('td', { class: 'number' }, String(site.rooms.length)),
                h('td', { class: 'number' }, String(site.services.filter(s => s.kind === 'service').length)),
                h('td', { class: 'number' }, String(site.counters.length)),
                h('td', { class: 'number' }, String(site.devices.length)),
                h('td', { class: 'hours' }, hours(site))))));
    }
}

SitesView.prototype.edit = async function edit(siteId) {
    this.showError(null);
    try {
        this.editing = await this.api.get(`/admin/sites/${encodeURIComponent(siteId)}`);
    } catch (e) {
        this.showError(e);
        return;
    }
    const site = this.editing;
    $('site-edit-title').textContent = t('site.editTitle', { name: site.name });
    $('site-poster').href = `/prendre/${encodeURIComponent(site.id)}/affiche`;
    $('site-name').value = site.name;
    $('site-address').value = site.address ?? '';
    $('site-zone').value = site.timeZone;
    $('site-cutoff').value = site.calendar?.lastTicketMinutesBeforeClosing ?? '';
    $('site-closures').value = (site.calendar?.closures ?? []).join('\n');
    $('site-archived').checked = site.active === false;
    $('site-footer').value = site.footer ?? '';
    for (const language of TRANSLATED) {
        $('site-footer-' + language).value = site.translations?.[language]?.footer ?? '';
    }
    options($('site-holidays'), HOLIDAYS, value => t('site.holidays.' + value));
    $('site-holidays').value = site.calendar?.publicHolidays ?? 'FR';
    $('site-open-holidays').value = (site.calendar?.openOnHolidays ?? []).join('\n');
    $('site-special').value = Object.entries(site.calendar?.specialHours ?? {})
        .map(([date, hours]) => `${date} ${[].concat(hours).join(', ')}`.trim()).join('\n');
    $('site-hours').replaceChildren(...DAYS.map(day => h('label', {}, h('span', {}, t('day.' + day)),
        h('input', { id: 'hours-' + day, value: [].concat(site.openingHours?.[day] ?? []).join(', '),
            placeholder: t('site.closedDay') }))));
    $('site-rooms').replaceChildren(
        h('thead', {}, h('tr', {}, ['site.roomCode', 'site.roomName', 'site.building', 'site.floor', 'site.directions']
            .map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, site.rooms.map(room => h('tr', { 'data-room': room.id },
            h('th', { scope: 'row' }, h('button', { type: 'button', class: 'row-link', onclick: () => fillRoom(room) },
                room.id)),
            h('td', {}, room.name), h('td', {}, room.building ?? '—'), h('td', {}, room.floor ?? '—'),
            h('td', {}, room.directions ?? '—')))));
    $('room-form').reset();
    renderServices(site);
    renderCounters(site);
    renderDevices(site);
    options($('plan-room'), site.rooms, room => room.name);
    $('site-error').textContent = '';
    $('site-edit').hidden = false;
    $('site-name').focus();
};

/** A site with nothing in it yet, to fill here; a site like another is better made from a template. */
SitesView.prototype.createBlank = async function createBlank(event) {
    event.preventDefault();
    this.showError(null);
    const id = $('blank-id').value.trim();
    try {
        await this.api.json('PUT', `/admin/sites/${encodeURIComponent(id)}`,
            { name: $('blank-name').value.trim(), timeZone: $('blank-zone').value.trim() });
        $('site-new-blank').reset();
        this.stale();
        await this.show();
        await this.edit(id);
    } catch (e) {
        this.showError(e);
    }
};

SitesView.prototype.saveSite = async function saveSite(event) {
    event.preventDefault();
    const site = structuredClone(this.editing);
    site.name = $('site-name').value.trim();
    site.timeZone = $('site-zone').value.trim();
    const address = $('site-address').value.trim();
    if (address) {
        site.address = address;
    } else {
        delete site.address;
    }
    site.openingHours = {};
    for (const day of DAYS) {
        const hours = $('hours-' + day).value.trim();
        if (hours) {
            site.openingHours[day] = hours;
        }
    }
    site.calendar = { ...(site.calendar ?? {}) };
    const cutOff = $('site-cutoff').value;
    if (cutOff === '') {
        delete site.calendar.lastTicketMinutesBeforeClosing;
    } else {
        site.calendar.lastTicketMinutesBeforeClosing = Number(cutOff);
    }
    site.calendar.closures = lines('site-closures');
    site.calendar.publicHolidays = $('site-holidays').value;
    site.calendar.openOnHolidays = lines('site-open-holidays');
    site.calendar.specialHours = Object.fromEntries(lines('site-special').map(line => {
        const [date, ...hours] = line.split(/\s+/);
        return [date, hours.join(' ')];
    }));
    site.active = !$('site-archived').checked;
    const footer = $('site-footer').value.trim();
    if (footer) {
        site.footer = footer;
    } else {
        delete site.footer;
    }
    site.translations = structuredClone(site.translations ?? {});
    for (const language of TRANSLATED) {
        const translated = { ...(site.translations[language] ?? {}) };
        const value = $('site-footer-' + language).value.trim();
        if (value) {
            translated.footer = value;
        } else {
            delete translated.footer;
        }
        if (Object.keys(translated).length > 0) {
            site.translations[language] = translated;
        } else {
            delete site.translations[language];
        }
    }
    await this.apply(() => this.api.json('PUT', `/admin/sites/${encodeURIComponent(site.id)}`, site));
};

SitesView.prototype.saveRoom = async function saveRoom(event) {
    event.preventDefault();
    const room = { name: $('room-name').value.trim(), revision: this.editing.revision };
    for (const [field, id] of [['building', 'room-building'], ['floor', 'room-floor'],
        ['directions', 'room-directions']]) {
        const value = $(id).value.trim();
        if (value) {
            room[field] = value;
        }
    }
    const code = $('room-code').value.trim();
    const translations = this.editing.rooms.find(existing => existing.id === code)?.translations;
    if (translations) {
        room.translations = translations;
    }
    await this.apply(() => this.api.json('PUT',
        `/admin/sites/${encodeURIComponent(this.editing.id)}/rooms/${encodeURIComponent(code)}`, room));
};

SitesView.prototype.saveService = async function saveService(event) {
    event.preventDefault();
    const code = $('service-code').value.trim();
    const existing = this.editing.services.find(service => service.id === code) ?? {};
    const service = { ...existing, kind: $('service-kind').value, name: $('service-name').value.trim(),
        active: $('service-active').checked, revision: this.editing.revision };
    delete service.id;
    for (const [field, id] of [['parent', 'service-parent'], ['prefix', 'service-prefix'], ['room', 'service-room']]) {
        const value = $(id).value.trim();
        if (value) {
            service[field] = value;
        } else {
            delete service[field];
        }
    }
    const target = $('service-target').value;
    if (target) {
        service.targetWaitMinutes = Number(target);
    }
    if (service.kind === 'orientation') {
        service.orientation = { authority: $('orientation-authority').value.trim(),
            address: lines('orientation-address') };
        for (const field of ['hours', 'phone', 'website']) {
            const value = $('orientation-' + field).value.trim();
            if (value) {
                service.orientation[field] = value;
            }
        }
    }
    if (service.kind === 'service') {
        const outcomes = parseOutcomes(lines('service-outcomes'));
        if (outcomes === null) {
            this.showError(new Error(t('site.outcomesFormat')));
            return;
        }
        service.outcomes = outcomes;
    } else {
        delete service.outcomes;
    }
    service.translations = { ...(existing.translations ?? {}) };
    for (const language of TRANSLATED) {
        const value = $('service-' + language).value.trim();
        if (value) {
            service.translations[language] = value;
        } else {
            delete service.translations[language];
        }
    }
    await this.apply(() => this.api.json('PUT',
        `/admin/sites/${encodeURIComponent(this.editing.id)}/services/${encodeURIComponent(code)}`, service));
};

SitesView.prototype.saveCounter = async function saveCounter(event) {
    event.preventDefault();
    const code = $('counter-code').value.trim();
    const counter = { name: $('counter-name').value.trim(), room: $('counter-room').value,
        services: $('counter-services').value.split(',').map(item => item.trim()).filter(Boolean),
        active: $('counter-active').checked, revision: this.editing.revision };
    await this.apply(() => this.api.json('PUT',
        `/admin/sites/${encodeURIComponent(this.editing.id)}/counters/${encodeURIComponent(code)}`, counter));
};

/** A new device gets a token, shown once here; pairing it (Appareils) is the simpler way to give it. */
SitesView.prototype.saveDevice = async function saveDevice(event) {
    event.preventDefault();
    const code = $('device-code').value.trim();
    const kind = $('device-kind').value;
    const device = { kind, name: $('device-name').value.trim(), revision: this.editing.revision };
    if (kind === 'screen') {
        device.room = $('device-room').value;
    }
    if (kind === 'counter_screen') {
        device.counter = $('device-counter').value;
    }
    await this.apply(() => this.api.json('PUT',
        `/admin/sites/${encodeURIComponent(this.editing.id)}/devices/${encodeURIComponent(code)}`, device));
};

/** A plan is an image, sent as it is: no revision, since it changes nothing else of the site. */
SitesView.prototype.savePlan = async function savePlan(event) {
    event.preventDefault();
    const file = $('plan-file').files[0];
    if (!file) {
        return;
    }
    await this.apply(() => this.api.json('PUT', `/admin/sites/${encodeURIComponent(this.editing.id)}/rooms/`
        + `${encodeURIComponent($('plan-room').value)}/plan`, file, file.type || 'application/octet-stream'));
};

/** Applies, then shows the site as now stored; over a colleague's change, says so and shows theirs. */
SitesView.prototype.apply = async function apply(change) {
    $('site-error').textContent = '';
    const siteId = this.editing.id;
    try {
        const applied = await change();
        this.stale();
        await this.show();
        await this.edit(siteId);
        announce($('site-saved'), t('site.saved'));
        $('site-tokens').replaceChildren(...[tokens(applied?.deviceTokens)].filter(Boolean));
    } catch (e) {
        if (e instanceof ApiError && e.code === 'stale') {
            await this.edit(siteId);
            $('site-error').textContent = t('site.stale');
            return;
        }
        $('site-error').textContent = e.message;
    }
};

const KINDS = ['service', 'menu', 'orientation'];
const HOLIDAYS = ['FR', 'FR-ALSACE-MOSELLE', 'NONE'];

/** "complet = Dossier complet | Complete file", one per line; null when a line lacks its "=". */
function parseOutcomes(texts) {
    const outcomes = [];
    for (const text of texts) {
        const equals = text.indexOf('=');
        if (equals < 1) {
            return null;
        }
        const [name, english] = text.slice(equals + 1).split('|').map(part => part.trim());
        const outcome = { id: text.slice(0, equals).trim(), name };
        if (english) {
            outcome.translations = { en: english };
        }
        outcomes.push(outcome);
    }
    return outcomes;
}

function outcomeLines(outcomes) {
    return (outcomes ?? []).map(outcome => `${outcome.id} = ${outcome.name}`
        + (outcome.translations?.en ? ` | ${outcome.translations.en}` : '')).join('\n');
}

function lines(id) {
    return $(id).value.split('\n').map(line => line.trim()).filter(Boolean);
}

function options(select, values, label, empty) {
    select.replaceChildren(...(empty === undefined ? [] : [h('option', { value: '' }, empty)]),
        ...values.map(value => h('option', { value: value.id ?? value }, label(value))));
}

function renderServices(site) {
    $('site-services').replaceChildren(
        h('thead', {}, h('tr', {}, ['site.roomCode', 'site.roomName', 'site.kind', 'site.prefix', 'site.room',
            'site.target', 'agents.status'].map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, site.services.map(service => h('tr', { 'data-service': service.id },
            h('th', { scope: 'row' }, h('button', { type: 'button', class: 'row-link',
                onclick: () => fillService(site, service) }, service.id)),
            h('td', {}, service.parent ? `${service.parent} › ${service.name}` : service.name),
            h('td', {}, t('kind.' + service.kind)), h('td', {}, service.prefix ?? '—'),
            h('td', {}, service.room ?? '—'), h('td', { class: 'number' }, String(service.targetWaitMinutes)),
            h('td', {}, t(service.active ? 'agents.active' : 'agents.inactive'))))));
    options($('service-kind'), KINDS, kind => t('kind.' + kind));
    options($('service-parent'), site.services.filter(service => service.kind === 'menu'), menu => menu.name, '—');
    options($('service-room'), site.rooms, room => room.name, '—');
    $('service-form').reset();
    showOrientationFields();
}

/** An orientation entry says where to send the visitor instead of giving a ticket; only a ticket service has outcomes. */
function showOrientationFields() {
    $('orientation-fields').hidden = $('service-kind').value !== 'orientation';
    $('service-outcomes-field').hidden = $('service-kind').value !== 'service';
}

function fillService(site, service) {
    $('service-code').value = service.id;
    $('service-kind').value = service.kind;
    $('service-name').value = service.name;
    $('service-parent').value = service.parent ?? '';
    $('service-prefix').value = service.prefix ?? '';
    $('service-room').value = service.room ?? '';
    $('service-target').value = service.targetWaitMinutes ?? '';
    for (const language of TRANSLATED) {
        $('service-' + language).value = service.translations?.[language] ?? '';
    }
    $('service-active').checked = service.active !== false;
    $('service-outcomes').value = outcomeLines(service.outcomes);
    const orientation = service.orientation ?? {};
    $('orientation-authority').value = orientation.authority ?? '';
    $('orientation-address').value = [].concat(orientation.address ?? []).join('\n');
    for (const field of ['hours', 'phone', 'website']) {
        $('orientation-' + field).value = [].concat(orientation[field] ?? []).join(', ');
    }
    showOrientationFields();
    $('service-name').focus();
}

function renderCounters(site) {
    $('site-counters').replaceChildren(
        h('thead', {}, h('tr', {}, ['site.roomCode', 'site.roomName', 'site.room', 'site.counterServices',
            'agents.status'].map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, site.counters.map(counter => h('tr', { 'data-counter': counter.id },
            h('th', { scope: 'row' }, h('button', { type: 'button', class: 'row-link',
                onclick: () => fillCounter(counter) }, counter.id)),
            h('td', {}, counter.name), h('td', {}, counter.room), h('td', {}, counter.services.join(', ')),
            h('td', {}, t(counter.active ? 'agents.active' : 'agents.inactive'))))));
    options($('counter-room'), site.rooms, room => room.name);
    $('counter-form').reset();
}

function fillCounter(counter) {
    $('counter-code').value = counter.id;
    $('counter-name').value = counter.name;
    $('counter-room').value = counter.room;
    $('counter-services').value = counter.services.join(', ');
    $('counter-active').checked = counter.active !== false;
    $('counter-name').focus();
}

const DEVICE_KINDS = ['kiosk', 'screen', 'counter_screen'];

function renderDevices(site) {
    $('site-devices').replaceChildren(
        h('thead', {}, h('tr', {}, ['site.roomCode', 'site.roomName', 'devices.kind', 'device.where']
            .map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, site.devices.map(device => h('tr', { 'data-site-device': device.id },
            h('th', { scope: 'row' }, device.id), h('td', {}, device.name), h('td', {}, t('device.' + device.kind)),
            h('td', {}, device.room ?? device.counter ?? '—')))));
    options($('device-kind'), DEVICE_KINDS, kind => t('device.' + kind));
    options($('device-room'), site.rooms, room => room.name);
    options($('device-counter'), site.counters, counter => counter.name);
    $('device-form').reset();
}

function fillRoom(room) {
    $('room-code').value = room.id;
    $('room-name').value = room.name;
    $('room-building').value = room.building ?? '';
    $('room-floor').value = room.floor ?? '';
    $('room-directions').value = room.directions ?? '';
    $('room-name').focus();
}

/** "lun 08:30-12:00, 13:30-17:00 · mar …", and the last-ticket cut-off. */
function hours(site) {
    const days = DAYS.filter(day => site.openingHours?.[day]);
    if (days.length === 0) {
        return t('sites.alwaysOpen');
    }
    const text = days.map(day => `${t('day.' + day)} ${[].concat(site.openingHours[day]).join(', ')}`).join(' · ');
    const cutOff = site.calendar?.lastTicketMinutesBeforeClosing;
    return cutOff ? `${text} (${t('sites.cutOff', { minutes: cutOff })})` : text;
}
