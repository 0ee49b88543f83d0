// The sites the administrator covers, read from the deployment: each with its parts and its opening hours.
import { h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export class SitesView {
    constructor(api, showError) {
        this.api = api;
        this.showError = showError;
        this.deployment = null;
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
                h('th', { scope: 'row' }, h('span', { class: 'name' }, site.name), h('span', { class: 'id' }, site.id)),
                h('td', {}, site.timeZone),
                h('td', { class: 'number' }, String(site.rooms.length)),
                h('td', { class: 'number' }, String(site.services.filter(s => s.kind === 'service').length)),
                h('td', { class: 'number' }, String(site.counters.length)),
                h('td', { class: 'number' }, String(site.devices.length)),
                h('td', { class: 'hours' }, hours(site))))));
    }
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
