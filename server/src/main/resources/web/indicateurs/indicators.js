// Published indicators ("Services Publics+"): /indicateurs/ for the network, /indicateurs/<site> for one site. No
// account; the figures are the statistics' own, read from the public API; the live waits are re-read every minute.

import './texts.js';
import { startPublicPage } from '/public/page.js';
import { Api } from '/shared/api.js';
import { formatNumber, formatPercent, NONE, t } from '/shared/i18n.js';

const REFRESH_MS = 60_000;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const api = new Api();
const $ = id => document.getElementById(id);
const siteId = decodeURIComponent(location.pathname.replace(/^\/indicateurs\/?/, '').replace(/\/$/, ''));

function element(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
        node.textContent = text;
    }
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
}

function table(target, caption, headers, rows) {
    const head = element('tr');
    headers.forEach(([label, numeric]) => head.append(element('th', label, numeric ? { scope: 'col', class: 'num' }
        : { scope: 'col' })));
    const body = element('tbody');
    rows.forEach(cells => {
        const row = element('tr');
        cells.forEach((cell, index) => {
            const cellNode = element(index === 0 ? 'th' : 'td', null, index === 0 ? { scope: 'row' }
                : headers[index][1] ? { class: 'num' } : {});
            cellNode.append(cell instanceof Node ? cell : document.createTextNode(cell));
            row.append(cellNode);
        });
        body.append(row);
    });
    const thead = element('thead');
    thead.append(head);
    target.replaceChildren(element('caption', caption), thead, body);
}

function minutes(value) {
    return value === null || value === undefined ? NONE : t('ind.minutes', { count: Math.round(value) });
}

function monthName(period) {
    const [year, month] = period.split('-').map(Number);
    return new Intl.DateTimeFormat(document.documentElement.lang, { month: 'long', year: 'numeric', timeZone: 'UTC' })
        .format(new Date(Date.UTC(year, month - 1, 1)));
}

function serviceName(service, language) {
    return service.translations?.[language] ?? service.name;
}

function kpis(target, month) {
    const items = [
        [t('ind.tickets'), formatNumber(month.tickets)],
        [t('ind.averageWait'), minutes(month.averageWaitMinutes)],
        [t('ind.withinTarget'), formatPercent(month.withinTargetShare)],
        [t('ind.satisfied'), month.answers ? formatPercent(month.satisfiedShare) : NONE],
        [t('ind.averageScore'), month.averageScore === null ? NONE : `${formatNumber(month.averageScore, 1)} / 5`],
        [t('ind.answers'), formatNumber(month.answers)],
    ];
    target.replaceChildren(...items.map(([name, value]) => {
        const item = element('div');
        item.append(element('dt', name), element('dd', value));
        return item;
    }));
}

async function showSite(language) {
    const site = await api.get(`/public/indicators/${encodeURIComponent(siteId)}`);
    $('place').textContent = site.name;
    document.title = `${t('ind.title')} – ${site.name}`;
    $('open-now').textContent = site.open ? t('ind.openNow') : t('ind.closedNow');
    table($('live'), t('ind.live.caption'), [[t('ind.service')], [t('ind.waiting'), true],
        [t('ind.longestWait'), true], [t('ind.target'), true]], site.live.services.map(service => [
        serviceName(service, language), formatNumber(service.waiting), minutes(service.longestWaitMinutes),
        minutes(service.targetWaitMinutes)]));
    $('month-title').textContent = t('ind.month', { month: monthName(site.month.period) });
    kpis($('month'), site.month);
    $('busiest').replaceChildren(...(site.busiestHours.length ? site.busiestHours.map(slot => element('li',
        t('ind.slot', { day: t(`ind.day.${slot.weekday}`), from: slot.hour, to: slot.hour + 1,
            arrivals: formatNumber(slot.arrivalsPerDay, 1) })))
        : [element('li', t('ind.busiest.none'))]));
    const hours = site.openingHours ?? {};
    table($('hours'), t('ind.hours.caption'), [[t('ind.day')], [t('ind.opening')]],
        DAYS.map((day, index) => [t(`ind.day.${index + 1}`), [].concat(hours[day] ?? []).join(', ')
            || (Object.keys(hours).length ? t('ind.closed') : t('ind.noHours'))]));
    $('site-view').hidden = false;
}

async function showNetwork() {
    const network = await api.get('/public/indicators');
    $('place').textContent = t('ind.network');
    $('network-title').textContent = t('ind.month', { month: monthName(network.month) });
    const link = site => {
        const anchor = element('a', site.name, { href: `/indicateurs/${encodeURIComponent(site.siteId)}` });
        return anchor;
    };
    table($('sites'), t('ind.sites.caption'), [[t('ind.site')], [t('ind.tickets'), true], [t('ind.averageWait'), true],
        [t('ind.withinTarget'), true], [t('ind.satisfied'), true]], [
        ...network.sites.map(site => [link(site), formatNumber(site.tickets), minutes(site.averageWaitMinutes),
            formatPercent(site.withinTargetShare), site.answers ? formatPercent(site.satisfiedShare) : NONE]),
        [t('ind.allSites'), formatNumber(network.total.tickets), minutes(network.total.averageWaitMinutes),
            formatPercent(network.total.withinTargetShare),
            network.total.answers ? formatPercent(network.total.satisfiedShare) : NONE]]);
    $('network-view').hidden = false;
}

async function show(language) {
    try {
        await (siteId ? showSite(language) : showNetwork());
        $('status').textContent = '';
    } catch (error) {
        $('status').textContent = error.status === 404 ? t('ind.unknownSite') : t('ind.unavailable');
    }
}

const language = startPublicPage();
show(language);
if (siteId) {
    setInterval(() => show(language), REFRESH_MS);
}
