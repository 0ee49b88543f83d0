// The live view of one site: alerts, today's figures, counters with their current visitor, queues, devices.
// REST gives the state; the event bus (site queue, site alerts, each counter) says when and what changed.

import { kpi, table } from './widgets.js';
import { h } from '/shared/dom.js';
import {
    formatClock, formatDuration, formatMinutes, formatNumber, formatPercent, localName, NONE, t,
} from '/shared/i18n.js';

const REFRESH_MS = 30000;
const SILENT_AFTER_MS = 120000;
const PRINTER_PROBLEMS = ['PAPER_OUT', 'PAPER_NEAR_END', 'COVER_OPEN', 'OFFLINE', 'ERROR'];
const $ = (selector) => document.querySelector(selector);

export class LiveView {
    constructor(api, bus, showError) {
        this.api = api;
        this.bus = bus;
        this.showError = showError;
        this.site = null;
        this.data = null;
        this.devices = [];
        this.offsetMs = 0;
        this.queueAt = Date.now();
        this.fresh = new Set();
        /** Alerts said to a screen reader, kept while they last. */
        this.announced = new Set();
        this.unsubscribe = [];
        this.watched = new Set();
        this.timers = [];
        this.pending = null;
    }

    show(site) {
        if (!site) {
            return;
        }
        const changed = !this.site || this.site.id !== site.id;
        this.site = site;
        if (changed || this.unsubscribe.length === 0) {
            this.stop();
            this.data = null;
            this.announced.clear();
            this.subscribe();
        }
        if (this.timers.length === 0) {
            this.timers.push(setInterval(() => this.tick(), 1000));
            this.timers.push(setInterval(() => this.refresh(), REFRESH_MS));
        }
        this.refresh();
    }

    stop() {
        this.unsubscribe.forEach(stop => stop());
        this.unsubscribe = [];
        this.watched.clear();
        this.timers.forEach(timer => clearInterval(timer));
        this.timers = [];
        clearTimeout(this.pending);
        this.pending = null;
    }

    subscribe() {
        const siteId = this.site.id;
        this.unsubscribe.push(this.bus.subscribe(`guichet.site.${siteId}.queue`, body => {
            if (!this.data || body.siteId !== siteId) {
                return;
            }
            this.data.queue = body;
            this.queueAt = Date.now();
            this.renderQueues();
            this.renderToday();
        }));
        this.unsubscribe.push(this.bus.subscribe(`guichet.site.${siteId}.alerts`, body => {
            if (!this.data || body.type !== 'alerts') {
                return;
            }
            this.data.alerts = body.alerts;
            (body.raised || []).forEach(key => this.fresh.add(key));
            this.renderAlerts();
            // In a cluster every node checks the alerts and tells its own pages, so a change may come once per node:
            // an alert is said once while it lasts.
            const listed = new Set(body.alerts.map(alert => alert.key));
            [...this.announced].filter(key => !listed.has(key)).forEach(key => this.announced.delete(key));
            const raised = body.alerts.filter(alert => (body.raised || []).includes(alert.key)
                && !this.announced.has(alert.key));
            raised.forEach(alert => this.announced.add(alert.key));
            if (raised.length) {
                $('#announce').textContent = t('alert.new', { alerts: raised.map(alert => this.alertText(alert)).join(' ; ') });
            }
            // The server's clock and queues moved on: read the whole site again (queues, devices).
            this.refreshSoon();
        }));
    }

    /** Each counter's channel says when its agent calls, serves, pauses...: the view then reads the site again. */
    watchCounters(counters) {
        for (const counter of counters) {
            if (!this.watched.has(counter.id)) {
                this.watched.add(counter.id);
                this.unsubscribe.push(this.bus.subscribe(`guichet.counter.${counter.id}`, () => this.refreshSoon()));
            }
        }
    }

    /** Several messages arrive together for one action: read the state once they have. */
    refreshSoon() {
        clearTimeout(this.pending);
        this.pending = setTimeout(() => this.refresh(), 200);
    }

    async refresh() {
        if (!this.site) {
            return;
        }
        const siteId = this.site.id;
        try {
            const [live] = await Promise.all([
                this.api.get(`/stats/live?siteId=${encodeURIComponent(siteId)}`),
                this.loadDevices(),
            ]);
            if (siteId !== this.site.id) {
                return;
            }
            if (this.unsubscribe.length > 0) {
                this.watchCounters(live.counters);
            }
            this.data = live;
            this.offsetMs = Date.parse(live.at) - Date.now();
            this.queueAt = Date.now();
            this.showError(null);
            this.rerender();
        } catch (e) {
            this.showError(e);
        }
    }

    async loadDevices() {
        try {
            const all = await this.api.get('/admin/devices');
            this.devices = all.filter(device => device.siteId === this.site.id);
        } catch (e) {
            this.devices = [];
        }
    }

    now() {
        return Date.now() + this.offsetMs;
    }

    rerender() {
        if (!this.data) {
            return;
        }
        $('#live-updated').textContent = t('live.updated', { time: formatClock(this.data.at, this.data.timeZone) });
        this.renderAlerts();
        this.renderToday();
        this.renderCounters();
        this.renderQueues();
        this.renderDevices();
    }

    tick() {
        if (this.data && !document.querySelector('#live-view').hidden) {
            this.renderCounters();
            this.renderQueues();
            this.renderAlerts();
        }
    }

    /** One alert as a sentence. */
    alertText(alert) {
        if (alert.kind === 'wait') {
            const waited = (this.now() - Date.parse(alert.oldestArrivalAt)) / 1000;
            return t('alert.wait', {
                service: localName(alert), wait: formatDuration(waited, 'timer'),
                target: alert.targetWaitMinutes, count: alert.waiting,
            });
        }
        const device = alert.name || alert.deviceId;
        switch (alert.kind) {
            case 'silent': return t('alert.silent', { device, since: formatClock(alert.lastSeenAt, this.data.timeZone) });
            case 'disconnected': return t('alert.disconnected', { device });
            case 'never': return t('alert.never', { device });
            default: return t('alert.printer', {
                device, problems: (alert.problems || []).map(p => t(`printer.${p}`)).join(', '),
            });
        }
    }

    renderAlerts() {
        const list = $('#alerts');
        const alerts = this.data.alerts || [];
        if (alerts.length === 0) {
            list.replaceChildren(h('li', { class: 'none' }, t('live.noAlert')));
            return;
        }
        list.replaceChildren(...alerts.map(alert => {
            const fresh = this.fresh.has(alert.key) ? ' fresh' : '';
            return h('li', { class: `${alert.kind === 'wait' ? 'wait' : 'device'}${fresh}`, dataset: { key: alert.key } },
                this.alertText(alert));
        }));
        setTimeout(() => this.fresh.clear(), 3500);
    }

    renderToday() {
        const today = this.data.today;
        const waitingNow = (this.data.queue.services || []).reduce((sum, service) => sum + service.waiting, 0);
        const share = today.withinTarget.share;
        $('#today-kpis').replaceChildren(
            kpi(t('kpi.issued'), formatNumber(today.issued + today.transferredIn)),
            kpi(t('kpi.served'), formatNumber(today.served)),
            kpi(t('kpi.waitingNow'), formatNumber(waitingNow)),
            kpi(t('kpi.avgWait'), formatMinutes(today.wait.averageSeconds)),
            kpi(t('kpi.withinTarget'), formatPercent(share), share !== null && share < 0.95),
            kpi(t('kpi.withinThreshold', { minutes: today.withinThreshold.minutes }),
                formatPercent(today.withinThreshold.share)));
    }

    renderCounters() {
        const services = new Map((this.data.queue.services || []).map(service => [service.serviceId, service]));
        $('#counters').replaceChildren(...this.data.counters.map(counter => {
            const lines = [];
            lines.push(h('p', { class: 'agent' }, counter.agentName || t('counter.noAgent')));
            if (counter.status === 'PAUSED') {
                lines.push(h('p', {}, t('counter.pause', { reason: counter.pauseReason || NONE }), ' ',
                    t('counter.since', { time: formatClock(counter.since, this.data.timeZone) })));
            } else if (counter.currentTicket) {
                const ticket = counter.currentTicket;
                const since = ticket.status === 'SERVING' ? ticket.startedAt : ticket.calledAt;
                const seconds = (this.now() - Date.parse(since)) / 1000;
                const service = services.get(ticket.serviceId);
                lines.push(h('p', { class: seconds > 1800 ? 'ticket long' : 'ticket' },
                    t(`counter.ticket.${ticket.status}`,
                        { number: ticket.number, elapsed: formatDuration(seconds, 'timer') })));
                lines.push(h('p', {}, service ? localName(service) : ticket.serviceName));
            } else if (counter.status === 'OPEN') {
                lines.push(h('p', {}, t('counter.free')));
            }
            return h('li', { class: 'counter', dataset: { status: counter.status, counterId: counter.id } },
                h('h3', {}, h('span', {}, counter.name), h('span', { class: `badge ${counter.status}` },
                    t(`counter.${counter.status}`))),
                lines);
        }));
    }

    renderQueues() {
        const sinceMessage = (Date.now() - this.queueAt) / 1000;
        const services = this.data.queue.services || [];
        const over = services.map(service => service.waiting > 0
            && service.longestWaitSeconds + sinceMessage > service.targetWaitMinutes * 60);
        table($('#queues'), null, [
            { label: t('queue.service') }, { label: t('queue.waiting'), numeric: true },
            { label: t('queue.longest'), numeric: true }, { label: t('queue.target'), numeric: true },
            { label: t('queue.state') },
        ], services.map((service, index) => [
            localName(service),
            formatNumber(service.waiting),
            service.waiting > 0 ? formatDuration(service.longestWaitSeconds + sinceMessage, 'timer') : t('queue.empty'),
            `${service.targetWaitMinutes} min`,
            h('span', { class: 'state' }, over[index] ? `⚠ ${t('queue.over')}` : t('queue.ok')),
        ]), index => over[index] ? 'over' : null);
        $('#queues').setAttribute('aria-labelledby', 'queues-title');
    }

    deviceState(device) {
        if (device.revoked) {
            return { text: t('device.revoked'), problem: false };
        }
        if (!device.lastSeenAt) {
            return { text: t('device.neverConnected'), problem: true };
        }
        if (this.now() - Date.parse(device.lastSeenAt) > SILENT_AFTER_MS) {
            return { text: t('device.silent'), problem: true };
        }
        const health = device.health || {};
        const problems = [];
        if (device.kind === 'kiosk') {
            if (['OUT_OF_ORDER', 'OFFLINE'].includes(String(health.state).toUpperCase())) {
                problems.push('OUT_OF_ORDER');
            }
            if (health.printer?.canPrint === false) {
                problems.push('CANNOT_PRINT');
            }
            for (const condition of health.printer?.conditions || []) {
                const name = String(condition).toUpperCase();
                if (PRINTER_PROBLEMS.includes(name) && !problems.includes(name)) {
                    problems.push(name);
                }
            }
        } else if ((this.data?.alerts || []).some(alert => alert.key === `disconnected:${device.id}`)) {
            // Only the server knows whether a screen's live connection is down: it counts them (DevicePresence).
            return { text: t('device.disconnected'), problem: true };
        }
        return problems.length
            ? { text: problems.map(p => t(`printer.${p}`)).join(', '), problem: true }
            : { text: t('device.ok'), problem: false };
    }

    renderDevices() {
        const element = $('#devices');
        if (this.devices.length === 0) {
            element.replaceChildren(h('caption', {}, t('device.none')));
            return;
        }
        const states = this.devices.map(device => this.deviceState(device));
        table(element, null, [
            { label: t('device.name') }, { label: t('device.kind') }, { label: t('device.lastSeen') },
            { label: t('device.state') },
        ], this.devices.map((device, index) => [
            device.name,
            t(`device.kind.${device.kind}`),
            device.lastSeenAt ? formatClock(device.lastSeenAt, this.data?.timeZone) : t('device.never'),
            h('span', { class: 'state' }, states[index].problem ? `⚠ ${states[index].text}` : states[index].text),
        ]), index => states[index].problem ? 'problem' : null);
    }
}
