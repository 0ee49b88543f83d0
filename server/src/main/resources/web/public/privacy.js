// The privacy notice (GDPR articles 13 and 14): the fixed parts are the texts; who is responsible, how to reach its
// data protection officer and the retention periods in force come from the server.

import { startPublicPage } from './page.js';
import { t } from '/shared/i18n.js';

const $ = id => document.getElementById(id);

const UNKNOWN = { retention: null };

async function readNotice() {
    try {
        const response = await fetch('/api/v1/public/privacy', { headers: { Accept: 'application/json' } });
        return response.ok ? await response.json() : UNKNOWN;
    } catch {
        return UNKNOWN;
    }
}

function show(notice) {
    const controller = notice.controller ?? t('privacy.someone');
    $('controller').textContent = t('privacy.controller', { controller });
    const retention = notice.retention;
    $('notes').textContent = retention ? t('privacy.howLong.notes', { days: retention.notesDays }) : '';
    $('pseudonymised').textContent = retention
        ? t('privacy.howLong.pseudonymised', { days: retention.pseudonymiseAfterDays }) : '';
    $('deleted').textContent = retention ? t('privacy.howLong.deleted', { months: retention.ticketMonths }) : '';
    showContact(notice);
}

function showContact(notice) {
    const ways = [];
    if (notice.dpoEmail) {
        ways.push([t('privacy.contact.email'), Object.assign(document.createElement('a'), {
            href: `mailto:${notice.dpoEmail}`, textContent: notice.dpoEmail })]);
    }
    const address = notice.dpoAddress ?? notice.controllerAddress;
    if (address) {
        ways.push([t('privacy.contact.address'), address]);
    }
    if (notice.contactUrl) {
        ways.push([Object.assign(document.createElement('a'), {
            href: notice.contactUrl, textContent: t('privacy.contact.form') })]);
    }
    $('contact').textContent = ways.length > 0 ? t('privacy.contact.dpo') : t('privacy.contact.desk');
    $('contact-ways').replaceChildren(...ways.map(parts => {
        const item = document.createElement('li');
        item.append(...parts);
        return item;
    }));
    $('contact-ways').hidden = ways.length === 0;
}

startPublicPage();
readNotice().then(show);
