// Training mode: a site's training copy (same services and counters, always open, never counted), its kiosk and
// screens opened in other tabs, simulated visitors at a chosen rate, and the trainees followed as they practise.

import { table } from './widgets.js';
import { h } from '/shared/dom.js';
import { formatClock, formatDuration, formatNumber, NONE, t } from '/shared/i18n.js';

const $ = (selector) => document.querySelector(selector);
/** How often the followed copy is read again while the tab is shown. */
const FOLLOW_EVERY_MS = 4000;

export class TrainingView {
    constructor(api, showError, siteId) {
        this.api = api;
        this.showError = showError;
        this.siteId = siteId;
        this.ready = false;
        this.entry = null;
        this.followed = null;
        this.timer = null;
    }

    show() {
        if (!this.ready) {
            this.ready = true;
            $('#training-prepare').addEventListener('click', () => this.prepare());
            $('#training-kiosk').addEventListener('click', () => this.openKiosk());
            $('#training-simulation').addEventListener('submit', event => {
                event.preventDefault();
                this.startSimulation();
            });
            $('#training-stop').addEventListener('click', () => this.stopSimulation());
        }
        this.load();
    }

    stop() {
        clearTimeout(this.timer);
        this.timer = null;
    }

    siteChanged() {
        this.entry = null;
        this.followed = null;
    }

    rerender() {
        this.render();
    }

    async load() {
        this.stop();
        try {
            const { sites } = await this.api.get('/training');
            this.entry = sites.find(site => site.siteId === this.siteId()) ?? null;
            await this.follow();
        } catch (e) {
            this.showError(e);
        }
    }

    /** Reads what the trainees do, again every few seconds while the tab is shown. */
    async follow() {
        clearTimeout(this.timer);
        const copy = this.entry?.copy;
        if (copy) {
            try {
                this.followed = await this.api.get(`/training/copies/${encodeURIComponent(copy.id)}/follow`);
            } catch (e) {
                this.showError(e);
            }
        } else {
            this.followed = null;
        }
        this.render();
        if (copy && !$('#training-view').hidden) {
            this.timer = setTimeout(() => this.follow(), FOLLOW_EVERY_MS);
        }
    }

    async prepare() {
        try {
            this.entry = await this.api.post(`/training/sites/${encodeURIComponent(this.siteId())}`);
            $('#training-status').textContent = t('training.prepared', { name: this.entry.copy.name });
            await this.follow();
        } catch (e) {
            this.showError(e);
        }
    }

    /** The kiosk page reads this tab's session, which a window opened from it receives. */
    openKiosk() {
        window.open(`/formation/borne.html?copy=${encodeURIComponent(this.entry.copy.id)}`, '_blank');
    }

    async openScreen(room) {
        // Opened at once (a pop-up blocker lets through only what a click opens), then sent to the screen's page.
        const screen = window.open('about:blank', '_blank');
        if (!screen) {
            this.showError(new Error(t('training.popupBlocked')));
            return;
        }
        try {
            const opened = await this.api.post(`/training/rooms/${encodeURIComponent(room.id)}/screen`);
            screen.location = opened.url;
        } catch (e) {
            screen.close();
            this.showError(e);
        }
    }

    async startSimulation() {
        try {
            await this.api.json('PUT', `/training/copies/${encodeURIComponent(this.entry.copy.id)}/simulation`, {
                perHour: Number($('#training-rate').value), minutes: Number($('#training-minutes').value) });
            await this.follow();
        } catch (e) {
            this.showError(e);
        }
    }

    async stopSimulation() {
        try {
            await this.api.json('DELETE', `/training/copies/${encodeURIComponent(this.entry.copy.id)}/simulation`);
            await this.follow();
        } catch (e) {
            this.showError(e);
        }
    }

    render() {
        const copy = this.entry?.copy;
        $('#training-prepare').textContent = t(copy ? 'training.update' : 'training.prepare');
        $('#training-copy').textContent = copy ? t('training.copyReady', { name: copy.name })
            : t('training.noCopy');
        for (const id of ['#training-tools', '#training-follow']) {
            $(id).hidden = !copy;
        }
        if (!copy) {
            return;
        }
        $('#training-screens').replaceChildren(...copy.rooms.map(room => h('li', {},
            h('button', { type: 'button', class: 'secondary', onclick: () => this.openScreen(room) },
                t('training.openScreen', { room: room.name })))));
        const followed = this.followed;
        const simulation = followed?.simulation;
        $('#training-simulating').textContent = simulation
            ? t('training.simulating', { perHour: simulation.perHour, until: formatClock(simulation.until),
                issued: simulation.issued })
            : t('training.notSimulating');
        $('#training-stop').hidden = !simulation;
        if (!followed) {
            return;
        }
        table($('#training-counters'), t('training.counters'),
            [{ label: t('training.counter') }, { label: t('training.agent') }, { label: t('training.state') },
                { label: t('training.since') }],
            followed.counters.map(counter => [counter.name, counter.agentName ?? NONE,
                t(`training.status.${counter.status}`), counter.since ? formatClock(counter.since) : NONE]));
        table($('#training-agents'), t('training.trainees'),
            [{ label: t('training.agent') }, { label: t('training.calls'), numeric: true },
                { label: t('training.finished'), numeric: true }, { label: t('training.noShows'), numeric: true },
                { label: t('training.transfers'), numeric: true }, { label: t('training.recalls'), numeric: true },
                { label: t('training.meanService'), numeric: true }],
            followed.agents.map(agent => [agent.name, formatNumber(agent.calls), formatNumber(agent.finished),
                formatNumber(agent.noShows), formatNumber(agent.transfers), formatNumber(agent.recalls),
                agent.meanServiceSeconds === null ? NONE : formatDuration(agent.meanServiceSeconds)]));
        $('#training-agents-empty').hidden = followed.agents.length > 0;
        const names = new Map(followed.agents.map(agent => [agent.agentId, agent.name]));
        const counters = new Map(followed.counters.map(counter => [counter.id, counter.name]));
        $('#training-actions').replaceChildren(...followed.actions.map(action => h('li', {},
            h('time', { datetime: action.at }, formatClock(action.at)), ' ',
            t('training.action', { agent: names.get(action.agentId) ?? NONE, number: action.number,
                counter: counters.get(action.counterId) ?? NONE, action: t(`training.kind.${action.kind}`) }))));
        $('#training-actions-empty').hidden = followed.actions.length > 0;
    }
}
