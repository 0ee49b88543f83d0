// The audit log: who changed what, when and from where, before and after; filtered, newest first, page by page.
import { h } from '/shared/dom.js';
import { hasText, locales, t } from '/shared/i18n.js';

const ACTIONS = ['deployment.apply', 'template.create', 'template.update', 'agent.create', 'agent.update',
    'agent.deactivate', 'agent.reactivate', 'agent.password_reset', 'device.token_issue', 'device.pairing_start',
    'device.pair', 'device.revoke', 'room.plan_set', 'room.plan_removed'];
const $ = (id) => document.getElementById(id);

export class AuditView {
    constructor(api, showError, sites) {
        this.api = api;
        this.showError = showError;
        this.sites = sites;
        this.entries = [];
        this.nextBefore = null;
        $('audit-filters').addEventListener('submit', (event) => {
            event.preventDefault();
            this.load(false);
        });
        $('audit-more').addEventListener('click', () => this.load(true));
    }

    show() {
        this.renderFilters();
        this.load(false);
    }

    renderFilters() {
        const option = (value, text) => h('option', { value }, text);
        const action = $('audit-action');
        const chosenAction = action.value;
        action.replaceChildren(option('', t('audit.any')), ...ACTIONS.map(a => option(a, actionName(a))));
        action.value = chosenAction;
        const site = $('audit-site');
        const chosenSite = site.value;
        site.replaceChildren(option('', t('audit.any')), ...this.sites().map(s => option(s.id, s.name)));
        site.value = chosenSite;
    }

    query() {
        const params = new URLSearchParams();
        const from = $('audit-from').value;
        const to = $('audit-to').value;
        if (from) {
            params.set('from', new Date(`${from}T00:00`).toISOString());
        }
        if (to) {
            const end = new Date(`${to}T00:00`);
            end.setDate(end.getDate() + 1);
            params.set('to', end.toISOString());
        }
        for (const [name, id] of [['actor', 'audit-actor'], ['action', 'audit-action'], ['siteId', 'audit-site']]) {
            const value = $(id).value.trim();
            if (value) {
                params.set(name, value);
            }
        }
        return params;
    }

    async load(more) {
        const params = this.query();
        if (more && this.nextBefore) {
            params.set('before', String(this.nextBefore));
        }
        this.showError(null);
        try {
            const page = await this.api.get('/admin/audit?' + params);
            this.entries = more ? [...this.entries, ...page.entries] : page.entries;
            this.nextBefore = page.nextBefore;
            this.render();
        } catch (e) {
            this.showError(e);
        }
    }

    render() {
        const when = new Intl.DateTimeFormat(locales(), { dateStyle: 'short', timeStyle: 'medium' });
        const headers = ['audit.when', 'audit.who', 'audit.what', 'audit.entity', 'audit.site', 'audit.details'];
        $('audit').replaceChildren(
            h('thead', {}, h('tr', {}, headers.map(key => h('th', { scope: 'col' }, t(key))))),
            h('tbody', {}, this.entries.length === 0
                ? h('tr', {}, h('td', { colspan: headers.length }, t('audit.none')))
                : this.entries.map(entry => h('tr', { 'data-entry': entry.id },
                    h('td', {}, when.format(new Date(entry.at))),
                    h('td', {}, entry.actor.username, entry.actor.address
                        ? h('span', { class: 'id' }, entry.actor.address) : null),
                    h('td', {}, actionName(entry.action)),
                    h('td', {}, `${hasText('kind.' + entry.entity.kind) ? t('kind.' + entry.entity.kind)
                        : entry.entity.kind} ${entry.entity.id}`),
                    h('td', {}, entry.siteId ?? '—'),
                    h('td', { class: 'details' }, details(entry))))));
        $('audit-more').hidden = !this.nextBefore;
    }
}

function actionName(action) {
    return hasText('action.' + action) ? t('action.' + action) : action;
}

/** The fields that differ, before → after; "created" when there was nothing before. */
function details(entry) {
    if (!entry.before) {
        return t('audit.created');
    }
    const after = entry.after ?? {};
    const fields = [...new Set([...Object.keys(entry.before), ...Object.keys(after)])]
        .filter(field => JSON.stringify(entry.before[field]) !== JSON.stringify(after[field]));
    return h('ul', {}, fields.map(field => h('li', {}, h('code', {}, field), ' : ',
        show(entry.before[field]), ' → ', show(after[field]))));
}

function show(v) {
    return v === undefined || v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}
