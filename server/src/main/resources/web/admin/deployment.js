// Export the deployment as YAML; import one: check what would change (a dry run on the server), then apply exactly
// the text that was checked. The tokens of new devices are shown once.
import { h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

const YAML = 'application/yaml';
const $ = (id) => document.getElementById(id);

export class DeploymentView {
    constructor(api, showError, deploymentChanged) {
        this.api = api;
        this.showError = showError;
        this.deploymentChanged = deploymentChanged;
        this.checked = null;
        $('export').addEventListener('click', () => this.export());
        $('import-file').addEventListener('change', (event) => this.load(event.target.files[0]));
        $('import-text').addEventListener('input', () => this.contentChanged());
        $('import-check').addEventListener('click', () => this.check());
        $('import-apply').addEventListener('click', () => this.apply());
    }

    show() {
        this.contentChanged();
    }

    async export() {
        try {
            await this.api.download('/admin/deployment?format=yaml', { accept: YAML,
                fallbackName: 'guichet-deployment.yaml' });
        } catch (e) {
            this.showError(e);
        }
    }

    async load(file) {
        if (file) {
            $('import-text').value = await file.text();
            this.contentChanged();
        }
    }

    /** Applying is offered only for the very text that was checked. */
    contentChanged() {
        $('import-apply').disabled = this.checked === null || this.checked !== $('import-text').value;
    }

    async check() {
        const text = $('import-text').value;
        if (!text.trim()) {
            $('import-result').replaceChildren(h('p', { class: 'form-error' }, t('import.empty')));
            return;
        }
        this.showError(null);
        try {
            const preview = await this.api.json('PUT', '/admin/deployment?dryRun=true', text, YAML);
            this.checked = text;
            $('import-result').replaceChildren(h('h3', {}, t('import.preview')), changes(preview.sites));
        } catch (e) {
            this.checked = null;
            $('import-result').replaceChildren();
            this.showError(e);
        }
        this.contentChanged();
    }

    async apply() {
        const text = $('import-text').value;
        if (text !== this.checked) {
            $('import-result').replaceChildren(h('p', { class: 'form-error' }, t('import.checkFirst')));
            return;
        }
        this.showError(null);
        try {
            const applied = await this.api.json('PUT', '/admin/deployment', text, YAML);
            this.checked = null;
            this.deploymentChanged();
            $('import-result').replaceChildren(h('p', { class: 'ok', id: 'import-applied' }, t('import.applied')),
                tokens(applied.deviceTokens), changes(applied.sites));
        } catch (e) {
            this.showError(e);
        }
        this.contentChanged();
    }
}

/** Per site: added, changed (field: before → after), and how many unchanged. */
export function changes(sites) {
    return h('div', { class: 'changes' }, sites.map(site => {
        const items = [
            ...site.added.map(item => h('li', { class: 'added' }, t('import.added', label(item)))),
            ...site.changed.map(item => h('li', { class: 'changed' }, t('import.changed', label(item)),
                h('ul', {}, item.fields.map(field => h('li', {}, h('code', {}, field), ' : ',
                    value(item.before[field]), ' → ', value(item.after[field])))))),
        ];
        return h('section', { class: 'site-changes', 'data-site': site.siteId },
            h('h4', {}, site.siteId),
            items.length ? h('ul', {}, items) : h('p', {}, t('import.nothing', { unchanged: site.unchanged })),
            items.length && site.unchanged ? h('p', { class: 'hint' }, t('import.unchanged', { count: site.unchanged }))
                : null);
    }));
}

function label(item) {
    return { kind: t('kind.' + item.kind), id: item.id };
}

function value(v) {
    return h('span', { class: 'value' }, v === undefined || v === null ? '—'
        : typeof v === 'object' ? JSON.stringify(v) : String(v));
}

/** New devices' tokens, shown this once. */
export function tokens(deviceTokens) {
    const entries = Object.entries(deviceTokens ?? {});
    if (entries.length === 0) {
        return null;
    }
    return h('div', { class: 'tokens' }, h('p', { class: 'warn' }, t('import.tokens')),
        h('table', { class: 'data' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('import.device')),
                h('th', { scope: 'col' }, t('import.token')))),
            h('tbody', {}, entries.map(([device, token]) => h('tr', {}, h('th', { scope: 'row' }, device),
                h('td', {}, h('code', {}, token)))))));
}
