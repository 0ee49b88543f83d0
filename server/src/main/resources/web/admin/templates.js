// Site templates: the list, save a site as one, make a site from one (its devices' tokens shown once), and push a
// template's change to the sites made from it after seeing what it changes.
import { changes, tokens } from './deployment.js';
import { h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

const $ = (id) => document.getElementById(id);

export class TemplatesView {
    constructor(api, showError, sites, sitesChanged) {
        this.api = api;
        this.showError = showError;
        this.sites = sites;
        this.sitesChanged = sitesChanged;
        this.templates = [];
        $('template-save').addEventListener('submit', (event) => this.save(event));
        $('site-new').addEventListener('submit', (event) => this.createSite(event));
    }

    async show() {
        try {
            this.templates = await this.api.get('/admin/templates');
            this.render();
        } catch (e) {
            this.showError(e);
        }
    }

    render() {
        const option = (value, text) => h('option', { value }, text);
        const headers = ['templates.template', 'templates.parts', 'templates.sites', 'templates.version',
            'agents.actions'];
        $('templates').replaceChildren(
            h('thead', {}, h('tr', {}, headers.map(key => h('th', { scope: 'col' }, t(key))))),
            h('tbody', {}, this.templates.length === 0
                ? h('tr', {}, h('td', { colspan: headers.length }, t('templates.none')))
                : this.templates.map(template => h('tr', { 'data-template': template.id },
                    h('th', { scope: 'row' }, h('span', { class: 'name' }, template.name),
                        h('span', { class: 'id' }, template.id)),
                    h('td', {}, t('templates.partsText', template.parts)),
                    h('td', {}, template.siteIds.join(', ') || '—'),
                    h('td', { class: 'number' }, String(template.version)),
                    h('td', {}, template.siteIds.length ? h('button', { type: 'button', class: 'small',
                        'data-action': 'push', onclick: () => this.preview(template) }, t('templates.push'))
                        : null)))));
        const chosen = $('template-save-site').value;
        $('template-save-site').replaceChildren(...this.sites().map(site => option(site.id, site.name)));
        if (chosen) {
            $('template-save-site').value = chosen;
        }
        $('site-new-template').replaceChildren(...this.templates.map(template => option(template.id,
            template.name)));
    }

    async save(event) {
        event.preventDefault();
        this.showError(null);
        try {
            await this.api.post('/admin/templates', { id: $('template-save-id').value.trim(),
                name: $('template-save-name').value.trim(), fromSite: $('template-save-site').value });
            $('template-save').reset();
            await this.show();
        } catch (e) {
            this.showError(e);
        }
    }

    async createSite(event) {
        event.preventDefault();
        this.showError(null);
        const own = { id: $('site-new-id').value.trim(), name: $('site-new-name').value.trim(),
            timeZone: $('site-new-zone').value.trim() || undefined };
        const address = $('site-new-address').value.trim();
        if (address) {
            own.address = address;
        }
        try {
            const made = await this.api.post(`/admin/templates/${encodeURIComponent($('site-new-template').value)}/sites`,
                own);
            $('site-new-result').replaceChildren(h('p', { class: 'ok', id: 'site-created' },
                t('templates.created', { name: own.name })), tokens(made.deviceTokens));
            $('site-new').reset();
            await this.sitesChanged();
            await this.show();
        } catch (e) {
            this.showError(e);
        }
    }

    async preview(template) {
        this.showError(null);
        try {
            const preview = await this.api.post(`/admin/templates/${encodeURIComponent(template.id)}/push?dryRun=true`);
            $('template-push').replaceChildren(h('section', { class: 'card' },
                h('h2', {}, t('templates.pushTitle', { name: template.name })), changes(preview.sites),
                h('button', { type: 'button', class: 'danger', id: 'push-apply', onclick: () => this.push(template) },
                    t('templates.pushApply', { count: preview.siteIds.length }))));
        } catch (e) {
            this.showError(e);
        }
    }

    async push(template) {
        try {
            const pushed = await this.api.post(`/admin/templates/${encodeURIComponent(template.id)}/push`);
            $('template-push').replaceChildren(h('section', { class: 'card' },
                h('p', { class: 'ok', id: 'push-done' }, t('templates.pushed', { count: pushed.siteIds.length })),
                tokens(pushed.deviceTokens), changes(pushed.sites)));
            await this.sitesChanged();
        } catch (e) {
            this.showError(e);
        }
    }
}
