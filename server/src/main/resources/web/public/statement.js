// The accessibility statement, in the RGAA's form: the fixed parts are the texts, the organisation's own parts
// (who, how to reach it, its last audit) come from the server's configuration.

import { showContactWays, startPublicPage } from './page.js';
import { locales, t } from '/shared/i18n.js';
import { readStatement } from './accessibility-link.js';

const $ = id => document.getElementById(id);

/** "2026-11-30" as "30 novembre 2026", in the page's language. */
function longDate(isoDate) {
    const [year, month, day] = isoDate.split('-').map(Number);
    return new Intl.DateTimeFormat(locales(), { dateStyle: 'long', timeZone: 'UTC' })
        .format(new Date(Date.UTC(year, month - 1, day)));
}

function show(statement) {
    const organisation = statement.organisation ?? t('statement.someone');
    $('commitment').textContent = t('statement.commitment', { organisation });
    if (statement.multiYearPlanUrl) {
        $('plan-link').href = statement.multiYearPlanUrl;
        $('plan').hidden = false;
    }
    $('state').textContent = t(`statement.state.${statement.conformance}`);
    const audit = statement.audit;
    $('no-audit').hidden = Boolean(audit);
    if (audit) {
        const date = longDate(audit.date);
        $('audit').textContent = audit.auditor
            ? t('statement.auditBy', { date, auditor: audit.auditor, percent: audit.compliantPercent })
            : t('statement.audit', { date, percent: audit.compliantPercent });
        $('audit').hidden = false;
    }
    list($('non-compliances'), audit?.nonCompliances ?? []);
    $('non-compliances-none').textContent = audit ? t('statement.nonCompliances.none')
        : t('statement.nonCompliances.unknown');
    $('non-compliances-none').hidden = (audit?.nonCompliances ?? []).length > 0;
    list($('derogations'), statement.derogations);
    $('derogations-none').hidden = statement.derogations.length > 0;
    if (statement.statementDate) {
        $('date').textContent = t('statement.date', { date: longDate(statement.statementDate) });
        $('date').hidden = false;
    }
    showContact(statement, organisation);
}

function list(element, items) {
    element.replaceChildren(...items.map(text => Object.assign(document.createElement('li'), { textContent: text })));
    element.hidden = items.length === 0;
}

function showContact(statement, organisation) {
    const ways = showContactWays('statement.contact', { email: statement.contactEmail,
        address: statement.contactAddress, url: statement.contactUrl });
    $('contact').textContent = ways > 0 ? t('statement.contact.text', { organisation })
        : t('statement.contact.desk');
}

startPublicPage();
readStatement().then(show);
