// Agents' accounts: find, create, edit (over the version read: never overwrite a colleague's change silently),
// deactivate or reactivate, reset a password, import a CSV list (checked first, then imported).
import { ApiError } from '/shared/api.js';
import { announce, h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

const ROLES = ['agent', 'supervisor', 'admin'];
const $ = (id) => document.getElementById(id);

export class AgentsView {
    constructor(api, showError, sites) {
        this.api = api;
        this.showError = showError;
        this.sites = sites;
        this.agents = [];
        this.editing = null;
        this.csv = null;
        this.csvChecked = false;
        for (const id of ['agents-search', 'agents-site', 'agents-role', 'agents-inactive']) {
            $(id).addEventListener('input', () => this.render());
        }
        $('agents-filters').addEventListener('submit', (event) => event.preventDefault());
        $('agent-new').addEventListener('submit', (event) => this.create(event));
        $('agent-edit-form').addEventListener('submit', (event) => this.saveEdit(event));
        $('agent-password-form').addEventListener('submit', (event) => this.savePassword(event));
        document.querySelectorAll('dialog .cancel').forEach(button => button.addEventListener('click',
            () => button.closest('dialog').close()));
        $('agent-import-file').addEventListener('change', async (event) => {
            this.csv = event.target.files[0] ? await event.target.files[0].text() : null;
            this.csvChecked = false;
            $('agent-import-apply').disabled = true;
            $('agent-import-report').replaceChildren();
        });
        $('agent-import-check').addEventListener('click', () => this.importCsv(true));
        $('agent-import-apply').addEventListener('click', () => this.importCsv(false));
    }

    async show() {
        this.renderForms();
        await this.load();
    }

    async load() {
        try {
            this.agents = await this.api.get('/admin/agents');
            this.render();
        } catch (e) {
            this.showError(e);
        }
    }

    renderForms() {
        const option = (value, text) => h('option', { value }, text);
        const site = $('agents-site');
        const chosenSite = site.value;
        site.replaceChildren(option('', t('audit.any')), ...this.sites().map(s => option(s.id, s.name)));
        site.value = chosenSite;
        const role = $('agents-role');
        const chosenRole = role.value;
        role.replaceChildren(option('', t('audit.any')), ...ROLES.map(r => option(r, t('role.' + r))));
        role.value = chosenRole;
        $('agent-new-role').replaceChildren(...ROLES.map(r => option(r, t('role.' + r))));
        $('agent-new-sites').replaceChildren(...siteChecks('agent-new-site', this.sites(), []));
    }

    shown() {
        const search = $('agents-search').value.trim().toLowerCase();
        const site = $('agents-site').value;
        const role = $('agents-role').value;
        const inactive = $('agents-inactive').checked;
        return this.agents.filter(agent => (inactive || agent.active)
            && (!site || agent.siteIds.includes(site)) && (!role || agent.role === role)
            && (!search || agent.username.toLowerCase().includes(search)
                || agent.displayName.toLowerCase().includes(search)));
    }

    render() {
        const agents = this.shown();
        $('agents-count').textContent = t('agents.count', { count: agents.length, total: this.agents.length });
        const headers = ['agents.agent', 'agents.role', 'agents.sites', 'agents.status', 'agents.actions'];
        $('agents').replaceChildren(
            h('thead', {}, h('tr', {}, headers.map(key => h('th', { scope: 'col' }, t(key))))),
            h('tbody', {}, agents.map(agent => h('tr', { 'data-agent': agent.username,
                class: agent.active ? '' : 'inactive' },
            h('th', { scope: 'row' }, h('span', { class: 'name' }, agent.displayName),
                h('span', { class: 'id' }, agent.username)),
            h('td', {}, t('role.' + agent.role)),
            h('td', {}, agent.siteIds.length ? agent.siteIds.join(', ')
                : agent.pending ? t('agents.noSite') : t('agents.allSites')),
            h('td', {}, status(agent)),
            h('td', {}, h('div', { class: 'actions' },
                button('edit', t('agents.edit'), agent, () => this.edit(agent)),
                agent.active
                    ? button('deactivate', t('agents.deactivate'), agent, () => this.act(agent, 'deactivate'))
                    : button('reactivate', t('agents.reactivate'), agent, () => this.act(agent, 'reactivate')),
                button('password', t('agents.password'), agent, () => this.password(agent))))))));
    }

    async create(event) {
        event.preventDefault();
        this.showError(null);
        try {
            const agent = await this.api.post('/admin/agents', {
                username: $('agent-new-username').value.trim(),
                displayName: $('agent-new-name').value.trim() || undefined,
                role: $('agent-new-role').value,
                siteIds: checkedSites('agent-new-site'),
                password: $('agent-new-password').value,
            });
            $('agent-new').reset();
            this.renderForms();
            this.notice(t('agents.created', { name: agent.username }));
            await this.load();
        } catch (e) {
            this.showError(e);
        }
    }

    edit(agent) {
        this.editing = agent;
        $('agent-edit-title').textContent = t('agents.editTitle', { name: agent.username });
        $('agent-edit-name').value = agent.displayName;
        $('agent-edit-role').replaceChildren(...ROLES.map(r => h('option', { value: r }, t('role.' + r))));
        $('agent-edit-role').value = agent.role;
        $('agent-edit-sites').replaceChildren(...siteChecks('agent-edit-site', this.sites(), agent.siteIds));
        $('agent-edit-error').textContent = '';
        $('agent-edit').showModal();
    }

    async saveEdit(event) {
        event.preventDefault();
        const agent = this.editing;
        try {
            await this.api.json('PATCH', `/admin/agents/${agent.id}`, {
                version: agent.version,
                displayName: $('agent-edit-name').value.trim(),
                role: $('agent-edit-role').value,
                siteIds: checkedSites('agent-edit-site'),
            });
            $('agent-edit').close();
            this.notice(t('agents.saved', { name: agent.username }));
            await this.load();
        } catch (e) {
            if (e instanceof ApiError && e.code === 'stale') {
                // Someone changed the account meanwhile: show what is stored now, to decide again.
                const current = await this.api.get(`/admin/agents/${agent.id}`);
                this.edit(current);
                $('agent-edit-error').textContent = t('agents.stale');
                await this.load();
                return;
            }
            $('agent-edit-error').textContent = e.message;
        }
    }

    async act(agent, action) {
        this.showError(null);
        try {
            await this.api.post(`/admin/agents/${agent.id}/${action}`);
            this.notice(t('agents.' + action + 'd', { name: agent.username }));
            await this.load();
        } catch (e) {
            this.showError(e);
        }
    }

    password(agent) {
        this.editing = agent;
        $('agent-password-title').textContent = t('agents.passwordTitle', { name: agent.username });
        $('agent-password-value').value = '';
        $('agent-password-error').textContent = '';
        $('agent-password').showModal();
    }

    async savePassword(event) {
        event.preventDefault();
        try {
            await this.api.post(`/admin/agents/${this.editing.id}/password`,
                { password: $('agent-password-value').value });
            $('agent-password').close();
            this.notice(t('agents.passwordSet', { name: this.editing.username }));
        } catch (e) {
            $('agent-password-error').textContent = e.message;
        }
    }

    async importCsv(dryRun) {
        if (!this.csv) {
            $('agent-import-report').replaceChildren(h('p', { class: 'form-error' }, t('agents.importEmpty')));
            return;
        }
        this.showError(null);
        try {
            const report = await this.api.json('POST', `/admin/agents/import${dryRun ? '?dryRun=true' : ''}`,
                this.csv, 'text/csv');
            this.csvChecked = dryRun;
            $('agent-import-apply').disabled = !dryRun || report.createdCount === 0;
            $('agent-import-report').replaceChildren(importReport(report));
            if (!dryRun) {
                await this.load();
            }
        } catch (e) {
            this.showError(e);
        }
    }

    notice(text) {
        announce($('agents-notice'), text);
    }
}

function button(kind, label, agent, onclick) {
    return h('button', { type: 'button', class: 'small', 'data-action': kind,
        'aria-label': `${label} : ${agent.username}`, onclick }, label);
}

function siteChecks(prefix, sites, chosen) {
    return sites.map(site => h('label', {}, h('input', { type: 'checkbox', class: prefix, value: site.id,
        checked: chosen.includes(site.id) }), site.name));
}

function checkedSites(prefix) {
    return [...document.querySelectorAll(`input.${prefix}:checked`)].map(input => input.value);
}

function importReport(report) {
    return h('div', { class: 'import-report' },
        h('p', { class: report.rejectedCount ? 'warn' : 'ok', id: 'agent-import-summary' },
            t(report.dryRun ? 'agents.importWould' : 'agents.importDone',
                { created: report.createdCount, rejected: report.rejectedCount })),
        report.rejected.length ? h('table', { class: 'data' },
            h('thead', {}, h('tr', {}, ['agents.line', 'agents.username', 'agents.reason']
                .map(key => h('th', { scope: 'col' }, t(key))))),
            h('tbody', {}, report.rejected.map(line => h('tr', {}, h('td', {}, String(line.line)),
                h('td', {}, line.username ?? '—'), h('td', {}, line.reason))))) : null,
        !report.dryRun && report.created.some(account => account.oneTimePassword)
            ? h('div', {}, h('p', { class: 'warn' }, t('agents.oneTimePasswords')),
                h('table', { class: 'data' }, h('tbody', {}, report.created.filter(a => a.oneTimePassword)
                    .map(account => h('tr', {}, h('th', { scope: 'row' }, account.username),
                        h('td', {}, h('code', {}, account.oneTimePassword)))))))
            : null);
}

/** Active, deactivated, or waiting for an administrator to give access (made at a first single sign-on). */
function status(agent) {
    if (!agent.active) {
        return h('span', { class: 'badge off' }, t('agents.inactive'));
    }
    return agent.pending ? h('span', { class: 'badge warn' }, t('agents.pending'))
        : h('span', { class: 'badge' }, t('agents.active'));
}
