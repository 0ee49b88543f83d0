// Kiosks and screens: where each is, whether it reports and how it is, its token; pair one with a short code (shown
// once, valid a few minutes) rather than typing a token, or revoke one.
import { h } from '/shared/dom.js';
import { locales, t } from '/shared/i18n.js';

const KINDS = ['kiosk', 'screen', 'counter_screen'];
const $ = (id) => document.getElementById(id);

export class DevicesView {
    constructor(api, showError, sites) {
        this.api = api;
        this.showError = showError;
        this.sites = sites;
        this.devices = [];
        $('devices-filters').addEventListener('submit', (event) => {
            event.preventDefault();
            this.load();
        });
    }

    async show() {
        const option = (value, text) => h('option', { value }, text);
        const site = $('devices-site');
        const chosenSite = site.value;
        site.replaceChildren(option('', t('audit.any')), ...this.sites().map(s => option(s.id, s.name)));
        site.value = chosenSite;
        const kind = $('devices-kind');
        const chosenKind = kind.value;
        kind.replaceChildren(option('', t('audit.any')), ...KINDS.map(k => option(k, t('device.' + k))));
        kind.value = chosenKind;
        await this.load();
    }

    async load() {
        const params = new URLSearchParams();
        for (const [name, id] of [['siteId', 'devices-site'], ['kind', 'devices-kind']]) {
            if ($(id).value) {
                params.set(name, $(id).value);
            }
        }
        this.showError(null);
        try {
            this.devices = await this.api.get('/admin/devices?' + params);
            this.render();
        } catch (e) {
            this.showError(e);
        }
    }

    render() {
        const when = new Intl.DateTimeFormat(locales(), { dateStyle: 'short', timeStyle: 'short' });
        const headers = ['device.device', 'device.where', 'device.token', 'device.seen', 'device.health',
            'agents.actions'];
        $('devices').replaceChildren(
            h('thead', {}, h('tr', {}, headers.map(key => h('th', { scope: 'col' }, t(key))))),
            h('tbody', {}, this.devices.map(device => h('tr', { 'data-device': device.id },
                h('th', { scope: 'row' }, h('span', { class: 'name' }, device.name),
                    h('span', { class: 'id' }, `${t('device.' + device.kind)} · ${device.id}`)),
                h('td', {}, [device.siteId, device.roomName ?? device.counterName].filter(Boolean).join(' · ')),
                h('td', {}, t('device.tokenState.' + device.tokenState),
                    device.pairingPending ? h('span', { class: 'id' }, t('device.pairingPending')) : null),
                h('td', {}, device.lastSeenAt ? when.format(new Date(device.lastSeenAt)) : t('device.never')),
                h('td', {}, health(device)),
                h('td', {}, h('div', { class: 'actions' },
                    h('button', { type: 'button', class: 'small', 'data-action': 'pair',
                        'aria-label': `${t('device.pair')} : ${device.name}`, onclick: () => this.pair(device) },
                    t('device.pair')),
                    device.tokenState === 'active' ? h('button', { type: 'button', class: 'small',
                        'data-action': 'revoke', 'aria-label': `${t('device.revoke')} : ${device.name}`,
                        onclick: () => this.revoke(device) }, t('device.revoke')) : null))))));
    }

    async pair(device) {
        this.showError(null);
        try {
            const pairing = await this.api.post(`/admin/devices/${encodeURIComponent(device.id)}/pairing`);
            $('device-pairing').replaceChildren(h('section', { class: 'card', 'data-pairing': device.id },
                h('h2', {}, t('device.pairTitle', { name: device.name })),
                h('p', {}, t('device.pairCode')), h('p', { class: 'code', id: 'pairing-code' }, pairing.displayCode),
                h('p', { class: 'hint' }, t('device.pairExpires', {
                    minutes: Math.round(pairing.validSeconds / 60) })),
                pairing.url ? h('p', {}, t('device.pairScreen'), ' ', h('code', {}, pairing.url)) : null,
                pairing.command ? h('p', {}, t('device.pairKiosk'), ' ', h('code', {}, pairing.command)) : null));
            await this.load();
        } catch (e) {
            this.showError(e);
        }
    }

    async revoke(device) {
        this.showError(null);
        try {
            await this.api.post(`/admin/devices/${encodeURIComponent(device.id)}/revoke`);
            await this.load();
        } catch (e) {
            this.showError(e);
        }
    }
}

function health(device) {
    if (!device.reporting) {
        return h('span', { class: 'badge off' }, t(device.lastSeenAt ? 'device.silent' : 'device.neverSeen'));
    }
    if (device.kind === 'kiosk') {
        const canPrint = device.printer?.canPrint !== false;
        return h('span', { class: canPrint ? 'badge' : 'badge off' },
            canPrint ? t('device.ready') : t('device.printer', { conditions: (device.printer?.conditions ?? []).join(', ') }));
    }
    return h('span', { class: device.connected === false ? 'badge off' : 'badge' },
        t(device.connected === false ? 'device.disconnected' : 'device.connected'));
}
