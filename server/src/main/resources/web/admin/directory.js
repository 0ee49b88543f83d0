// The orientation directory, shared by every site: the authorities and partners agents orient visitors to (name,
// kind, address, hours, phone, web site, keywords to find them). Kept by administrators of the whole network; an entry
// is never deleted, only made inactive, so that past orientations keep their name.
import { h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

const $ = (id) => document.getElementById(id);
const FIELDS = ['name', 'kind', 'address', 'hours', 'phone', 'web'];

export class DirectoryView {
    constructor(api, showError) {
        this.api = api;
        this.showError = showError;
        this.partners = [];
        $('partner-form').addEventListener('submit', (event) => this.save(event));
        $('partner-new').addEventListener('click', () => this.fill(null));
    }

    async show() {
        try {
            this.partners = (await this.api.get('/admin/directory')).partners;
            this.render();
        } catch (e) {
            this.showError(e);
        }
    }

    render() {
        const headers = ['directory.partner', 'directory.kind', 'directory.phone', 'directory.keywords',
            'agents.status'];
        $('partners').replaceChildren(
            h('caption', {}, t('directory.count', { count: this.partners.length })),
            h('thead', {}, h('tr', {}, headers.map(key => h('th', { scope: 'col' }, t(key))))),
            h('tbody', {}, this.partners.map(partner => h('tr', { 'data-partner': partner.id },
                h('th', { scope: 'row' }, h('button', { type: 'button', class: 'row-link',
                    onclick: () => this.fill(partner) }, partner.name), h('span', { class: 'id' }, partner.id)),
                h('td', {}, partner.kind), h('td', {}, partner.phone ?? '—'),
                h('td', {}, partner.keywords.join(', ') || '—'),
                h('td', {}, t(partner.active ? 'agents.active' : 'agents.inactive'))))));
    }

    fill(partner) {
        $('partner-form').reset();
        $('partner-id').readOnly = Boolean(partner);
        if (partner) {
            $('partner-id').value = partner.id;
            for (const field of FIELDS) {
                $('partner-' + field).value = partner[field] ?? '';
            }
            $('partner-keywords').value = partner.keywords.join(', ');
            $('partner-active').checked = partner.active;
        }
        $('partner-form-title').textContent = t(partner ? 'directory.edit' : 'directory.new');
        $('partner-name').focus();
    }

    async save(event) {
        event.preventDefault();
        this.showError(null);
        const id = $('partner-id').value.trim();
        const body = { active: $('partner-active').checked,
            keywords: $('partner-keywords').value.split(',').map(word => word.trim()).filter(Boolean) };
        for (const field of FIELDS) {
            const value = $('partner-' + field).value.trim();
            if (value) {
                body[field] = value;
            }
        }
        try {
            const saved = await this.api.json('PUT', `/admin/directory/${encodeURIComponent(id)}`, body);
            $('partner-saved').textContent = t('directory.saved', { name: saved.name });
            this.fill(null);
            await this.show();
        } catch (e) {
            this.showError(e);
        }
    }
}
