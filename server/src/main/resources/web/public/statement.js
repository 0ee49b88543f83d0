// The accessibility statement, in the RGAA's form: the fixed parts are the texts, the organisation's own parts
// (who, how to reach it, its last audit) come from the server's configuration.

import { startPublicPage } from './page.js';
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
    const ways = [];
    if (statement.contactEmail) {
        const link = Object.assign(document.createElement('a'), {
            href: `mailto:${statement.contactEmail}`, textContent: statement.contactEmail });
        ways.push([t('statement.contact.email'), link]);
    }
    if (statement.contactAddress) {
        ways.push([t('statement.contact.address'), statement.contactAddress]);
    }
    if (statement.contactUrl) {
        ways.push([Object.assign(document.createElement('a'), {
            href: statement.contactUrl, textContent: t('statement.contact.form') })]);
    }
    $('contact').textContent = ways.length > 0 ? t('statement.contact.text', { organisation })
        : t('statement.contact.desk');
    $('contact-ways').replaceChildren(...ways.map(parts => {
        const item = document.createElement('li');
        item.append(...parts);
        return item;
    }));
    $('contact-ways').hidden = ways.length === 0;
}

startPublicPage();
readStatement().then(show);
