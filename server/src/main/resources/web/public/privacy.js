// The privacy notice (GDPR articles 13 and 14): the fixed parts are the texts; who is responsible, how to reach its
// data protection officer and the retention periods in force come from the server.

import { showContactWays, startPublicPage } from './page.js';
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
    const ways = showContactWays('privacy.contact', { email: notice.dpoEmail,
        address: notice.dpoAddress ?? notice.controllerAddress, url: notice.contactUrl });
    $('contact').textContent = ways > 0 ? t('privacy.contact.dpo') : t('privacy.contact.desk');
}

startPublicPage();
readNotice().then(show);
