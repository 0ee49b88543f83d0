// Statistics of a period: figures, charts (Chart.js from its WebJar) and the tables behind them, CSV downloads.

import { dayFieldFormat, formatDayField, minuteStep, parseDayField } from './dates.js';
import { chartOptions, kpi, table } from './widgets.js';
import { h } from '/shared/dom.js';
import {
    decimalMark, formatDay, formatDuration, formatMinutes, formatMonth, formatNumber, formatPercent, language,
    localName, NONE, t,
} from '/shared/i18n.js';

const $ = (selector) => document.querySelector(selector);
const PRESETS = ['today', '7d', 'month', 'lastMonth', 'year', 'custom'];
const COLORS = { bars: '#0b4f8a', line: '#b3261e', p90: '#8a5a00', serving: '#1b5e20', calling: '#0b4f8a',
    idle: '#8d96a8', paused: '#c77d00' };
/** Below this share of waits (or call-backs) within target, the figure shows as missed. */
const TARGET_SHARE = 0.95;
/** How call-back requests ended (or not yet), in the columns' order. */
const CALLBACK_COUNTS = ['requests', 'calledBack', 'answered', 'wrongNumber', 'unreached', 'expired', 'open'];
/** An appointments row's figures in the columns' order, each with how it is written. */
const APPOINTMENT_FIGURES = [['appointments', formatNumber], ['cancelled', formatNumber], ['noShows', formatNumber],
    ['noShowShare', formatPercent], ['checkedIn', formatNumber], ['called', formatNumber],
    ['meanLatenessSeconds', minuteCell], ['calledOnTimeShare', formatPercent], ['appointmentShare', formatPercent]];

/** A UTC-midnight Date standing for a calendar day, written as "2026-11-03". */
function isoDate(day) {
    return day.toISOString().slice(0, 10);
}

/**
 * Today at the site, as a UTC-midnight Date: the statistics count days in the site's time zone, which is not the
 * browser's when a supervisor follows a site of another zone (or a machine runs in UTC).
 */
function siteToday(timeZone) {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date());
    const part = type => Number(parts.find(p => p.type === type).value);
    return new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
}

function days(from, to) {
    return Math.round((Date.parse(to) - Date.parse(from)) / 86400000) + 1;
}

/** The day a period field holds ("2026-11-03"), kept apart from its text so a change of language can rewrite it. */
function dayOf(field) {
    return field.dataset.iso || null;
}

function setDay(field, isoDate) {
    field.dataset.iso = isoDate;
    field.value = formatDayField(isoDate);
    field.setCustomValidity('');
}

/** Reads what was typed; a day that does not exist is said in the app's language, and the form is not sent. */
function readDay(field) {
    const isoDate = parseDayField(field.value);
    field.dataset.iso = isoDate ?? '';
    field.setCustomValidity(isoDate || !field.value.trim() ? '' : t('stats.date.invalid', { format: dayFieldFormat() }));
}

function option(value, label) {
    return h('option', { value }, label);
}

export class StatsView {
    /** limits: the "stats" part of GET /api/v1/rules, which the server checks every query against. */
    constructor(api, showError, sites, siteId, limits) {
        this.api = api;
        this.limits = limits;
        this.showError = showError;
        this.sites = sites;
        this.siteId = siteId;
        this.ready = false;
        this.charts = new Map();
        this.result = null;
        this.siteDetails = new Map();
        this.agents = null;
        this.loading = 0;
    }

    async show() {
        if (!this.ready) {
            this.ready = true;
            this.setUpFilters();
            $('#filters').addEventListener('submit', event => {
                event.preventDefault();
                this.load();
            });
            $('#preset').addEventListener('change', () => this.applyPreset());
            for (const id of ['#from', '#to']) {
                $(id).addEventListener('input', () => readDay($(id)));
                $(id).addEventListener('change', () => { $('#preset').value = 'custom'; });
            }
            $('#scope').addEventListener('change', () => this.scopeChanged());
            await this.siteOptions();
            this.load();
        } else if (this.stale) {
            this.stale = false;
            if ($('#preset').value !== 'custom') {
                this.applyPreset();
            }
            await this.siteOptions();
            this.load();
        }
    }

    siteChanged() {
        this.stale = true;
        if (this.ready && !$('#stats-view').hidden) {
            this.show();
        }
    }

    setUpFilters() {
        $('#preset').replaceChildren(...PRESETS.map(p => option(p, t(`stats.preset.${p}`))));
        $('#preset').value = 'month';
        $('#from').placeholder = dayFieldFormat();
        $('#to').placeholder = dayFieldFormat();
        this.applyPreset();
        $('#scope').replaceChildren(option('site', t('stats.scope.site')), option('all', t('stats.scope.all')));
        const threshold = $('#threshold');
        const bounds = this.limits.thresholdMinutes;
        threshold.min = bounds.min;
        threshold.max = bounds.max;
        threshold.value = this.limits.defaultThresholdMinutes;
        threshold.addEventListener('input', () => threshold.setCustomValidity(this.thresholdProblem()));
    }

    /** The server takes any minute up to fineUpTo, then only multiples of stepBeyond: say so before asking. */
    thresholdProblem() {
        const minutes = Number($('#threshold').value);
        const { fineUpTo, stepBeyond } = this.limits.thresholdMinutes;
        return minutes > fineUpTo && minutes % stepBeyond !== 0
            ? t('stats.threshold.step', { fineUpTo, step: stepBeyond }) : '';
    }

    applyPreset() {
        const site = this.sites().find(s => s.id === this.siteId());
        const today = siteToday(site?.timeZone);
        const year = today.getUTCFullYear();
        const month = today.getUTCMonth();
        const preset = $('#preset').value;
        let from = today;
        let to = today;
        if (preset === '7d') {
            from = new Date(Date.UTC(year, month, today.getUTCDate() - 6));
        } else if (preset === 'month') {
            from = new Date(Date.UTC(year, month, 1));
        } else if (preset === 'lastMonth') {
            from = new Date(Date.UTC(year, month - 1, 1));
            to = new Date(Date.UTC(year, month, 0));
        } else if (preset === 'year') {
            from = new Date(Date.UTC(year, 0, 1));
        } else if (preset === 'custom') {
            return;
        }
        setDay($('#from'), isoDate(from));
        setDay($('#to'), isoDate(to));
    }

    async siteOptions() {
        const siteId = this.siteId();
        try {
            if (!this.siteDetails.has(siteId)) {
                this.siteDetails.set(siteId, await this.api.get(`/sites/${encodeURIComponent(siteId)}`));
            }
            if (this.agents === null) {
                this.agents = await this.api.get('/admin/agents').catch(() => []);
            }
        } catch (e) {
            this.showError(e);
            return;
        }
        const site = this.siteDetails.get(siteId);
        const services = flatten(site.services).filter(entry => entry.kind === 'service');
        const keep = (select, options) => {
            const previous = select.value;
            select.replaceChildren(option('', t('stats.any')), ...options);
            select.value = options.some(o => o.value === previous) ? previous : '';
        };
        keep($('#service'), services.map(service => option(service.id, localName(service))));
        keep($('#counter'), site.counters.map(counter => option(counter.id, counter.name)));
        keep($('#agent'), this.agents.filter(agent => agent.siteIds.includes(siteId))
            .map(agent => option(String(agent.id), agent.displayName)));
        this.scopeChanged();
    }

    scopeChanged() {
        const all = $('#scope').value === 'all';
        for (const id of ['#service', '#counter', '#agent']) {
            $(id).disabled = all;
            if (all) {
                $(id).value = '';
            }
        }
    }

    params(extra = {}) {
        const query = new URLSearchParams();
        query.set('from', dayOf($('#from')));
        query.set('to', dayOf($('#to')));
        if ($('#scope').value === 'all') {
            query.set('siteId', this.sites().map(site => site.id).join(','));
        } else {
            query.set('siteId', this.siteId());
        }
        for (const [field, name] of [['#service', 'serviceId'], ['#counter', 'counterId'], ['#agent', 'agentId']]) {
            if ($(field).value) {
                query.set(name, $(field).value);
            }
        }
        query.set('thresholdMinutes', $('#threshold').value || String(this.limits.defaultThresholdMinutes));
        for (const [name, value] of Object.entries(extra)) {
            if (value === null) {
                query.delete(name);
            } else {
                query.set(name, value);
            }
        }
        return query;
    }

    async load() {
        const from = dayOf($('#from'));
        const to = dayOf($('#to'));
        if (!from || !to) {
            return;
        }
        const span = days(from, to);
        if (span > this.limits.maxDays) {
            this.showError(new Error(t('stats.tooLong', { days: this.limits.maxDays })));
            return;
        }
        const siteCount = $('#scope').value === 'all' ? this.sites().length : 1;
        const seriesBy = span <= this.limits.maxDaysByDay ? 'day' : 'month';
        const withOccupancy = span * siteCount <= this.limits.maxOccupancySiteDays;
        const withOutcomes = span * siteCount <= this.limits.maxOutcomeSiteDays;
        const run = ++this.loading;
        $('#stats-status').textContent = t('stats.loading');
        try {
            const get = (path, extra) => this.api.get(`${path}?${this.params(extra)}`);
            const agentChosen = Boolean($('#agent').value);
            // Call-backs and appointments are counted per service: none per counter or agent (the server refuses).
            const perService = path => agentChosen || $('#counter').value ? Promise.resolve(null) : get(path);
            const [overview, series, hours, byService, byCounter, byAgent, occupancy, outcomes, satisfaction,
                callbacks, appointments] = await Promise.all([
                get('/stats/overview'),
                get('/stats/breakdown', { by: seriesBy }),
                get('/stats/hours'),
                get('/stats/breakdown', { by: siteCount > 1 ? 'site' : 'service' }),
                get('/stats/breakdown', { by: 'counter' }),
                get('/stats/breakdown', { by: 'agent' }),
                withOccupancy ? get('/stats/occupancy', { serviceId: null, agentId: null }) : Promise.resolve(null),
                withOutcomes ? get('/stats/outcomes', { thresholdMinutes: null }) : Promise.resolve(null),
                // Answers are anonymous: an agent filter has no satisfaction figures (the server refuses it).
                agentChosen ? Promise.resolve(null) : get('/stats/satisfaction',
                    { thresholdMinutes: null, by: siteCount > 1 ? 'site' : 'service' }),
                perService('/stats/callbacks'),
                perService('/stats/appointments'),
            ]);
            if (run !== this.loading) {
                return;
            }
            this.result = { overview, series, seriesBy, hours, byService, byCounter, byAgent, occupancy, outcomes,
                satisfaction, callbacks, appointments, multiSite: siteCount > 1 };
            this.showError(null);
            $('#stats-status').textContent = '';
            this.rerender();
        } catch (e) {
            if (run === this.loading) {
                $('#stats-status').textContent = '';
                this.showError(e);
            }
        }
    }

    rerender() {
        if (this.ready) {
            const preset = $('#preset').value;
            $('#preset').replaceChildren(...PRESETS.map(p => option(p, t(`stats.preset.${p}`))));
            $('#preset').value = preset;
            const scope = $('#scope').value;
            $('#scope').replaceChildren(option('site', t('stats.scope.site')), option('all', t('stats.scope.all')));
            $('#scope').value = scope;
            for (const field of [$('#from'), $('#to')]) {
                field.placeholder = dayFieldFormat();
                if (dayOf(field)) {
                    setDay(field, dayOf(field));
                } else {
                    readDay(field);
                }
            }
        }
        if (!this.result) {
            return;
        }
        const r = this.result;
        const totals = r.overview.totals;
        $('#stats-note').hidden = r.overview.exactPercentiles !== false;
        $('#stats-note').textContent = t('stats.approximate');
        const targetShare = totals.withinTarget.share;
        $('#stats-kpis').replaceChildren(
            kpi(t('kpi.issued'), formatNumber(totals.issued + totals.transferredIn)),
            kpi(t('kpi.served'), formatNumber(totals.served)),
            kpi(t('kpi.noShow'), formatNumber(totals.noShow)),
            kpi(t('kpi.cancelled'), formatNumber(totals.cancelled)),
            kpi(t('kpi.transferred'), formatNumber(totals.transferred)),
            kpi(t('kpi.avgWait'), formatMinutes(totals.wait.averageSeconds)),
            kpi(t('kpi.medianWait'), formatMinutes(totals.wait.medianSeconds)),
            kpi(t('kpi.p90Wait'), formatMinutes(totals.wait.p90Seconds)),
            kpi(t('kpi.withinTarget'), formatPercent(targetShare), missed(targetShare)),
            kpi(t('kpi.withinThreshold', { minutes: totals.withinThreshold.minutes }),
                formatPercent(totals.withinThreshold.share)),
            kpi(t('kpi.avgWalk'), formatMinutes(totals.walk.averageSeconds)),
            kpi(t('kpi.avgService'), formatMinutes(totals.service.averageSeconds)),
            ...satisfactionKpis(r.satisfaction));
        this.charts.forEach(chart => chart.destroy());
        this.charts.clear();
        $('#panels').replaceChildren(
            this.seriesPanel(), this.hoursPanel(), this.weekdaysPanel(), this.occupancyPanel(), this.groupPanel(),
            this.outcomesPanel(), this.satisfactionPanel(), this.callbacksPanel(), this.appointmentsPanel(),
            this.tablePanel('counters', t('stats.byCounter'), r.byCounter, 'counter', t('noCounter')),
            this.tablePanel('agents', t('stats.byAgent'), r.byAgent, 'agent', t('noAgent')));
    }

    panel(id, title, csv, chartConfig, tableElement, empty) {
        const body = [];
        if (empty) {
            body.push(h('p', { class: 'empty' }, empty));
        } else {
            if (chartConfig) {
                const canvas = h('canvas', { id: `chart-${id}`, role: 'img', 'aria-label': title });
                body.push(h('div', { class: 'chart' }, canvas));
                queueMicrotask(() => this.charts.set(id, new window.Chart(canvas, chartConfig)));
            }
            body.push(h('details', { open: chartConfig ? null : true }, h('summary', {}, t('stats.table')),
                // A table wider than its panel scrolls: the keyboard must reach it to scroll it (tabindex), by name.
                h('div', { class: 'scroll', tabindex: '0', role: 'region',
                    'aria-label': t('stats.tableOf', { title }) }, tableElement)));
        }
        const wide = !chartConfig || id === 'groups';
        return h('section', { class: wide ? 'panel wide' : 'panel', id: `panel-${id}`, 'aria-labelledby': `title-${id}` },
            h('header', {}, h('h2', { id: `title-${id}` }, title),
                csv ? h('button', { type: 'button', class: 'secondary', onclick: () => this.download(csv) },
                    t('stats.csv')) : null),
            body);
    }

    download({ path, by }) {
        const decimalComma = decimalMark() === ',';
        const params = this.params({ format: 'csv', lang: language(), by: by ?? null,
            sep: decimalComma ? 'semicolon' : 'comma', decimal: decimalComma ? 'comma' : 'point' });
        if (path === '/stats/occupancy') {
            params.delete('serviceId');
            params.delete('agentId');
        }
        this.api.download(`${path}?${params}`).catch(e => this.showError(e));
    }

    seriesPanel() {
        const r = this.result;
        const rows = r.series.rows;
        const label = row => r.seriesBy === 'day' ? formatDay(row.key) : formatMonth(row.key);
        const title = t(r.seriesBy === 'day' ? 'stats.series.day' : 'stats.series.month');
        return this.panel('series', title, { path: '/stats/breakdown', by: r.seriesBy },
            rows.length ? mixedChart(rows.map(label), t('chart.tickets'), rows.map(row => row.issued + row.transferredIn),
                t('chart.avgWait'), rows.map(row => toMinutes(row.wait.averageSeconds))) : null,
            table(h('table', { class: 'data' }), null, metricColumns(t(r.seriesBy === 'day' ? 'col.day' : 'col.month'),
                r.overview.thresholdMinutes), rows.map(row => metricCells(label(row), row))),
            rows.length ? null : t('stats.noData'));
    }

    hoursPanel() {
        const slots = this.result.hours.hours.filter(slot => slot.arrivals > 0 || slot.called > 0);
        return this.panel('hours', t('stats.hours'), { path: '/stats/hours' },
            slots.length ? mixedChart(slots.map(slot => `${slot.hour} h`), t('chart.arrivals'),
                slots.map(slot => slot.arrivals), t('chart.avgWait'),
                slots.map(slot => toMinutes(slot.averageWaitSeconds))) : null,
            table(h('table', { class: 'data' }), null, slotColumns(t('col.hour')),
                slots.map(slot => [`${String(slot.hour).padStart(2, '0')}:00–${String((slot.hour + 1) % 24).padStart(2, '0')}:00`,
                    formatNumber(slot.arrivals), formatNumber(slot.called), formatMinutes(slot.averageWaitSeconds)])),
            slots.length ? null : t('stats.noData'));
    }

    weekdaysPanel() {
        const slots = this.result.hours.weekdays;
        const any = slots.some(slot => slot.arrivals > 0 || slot.called > 0);
        return this.panel('weekdays', t('stats.weekdays'), { path: '/stats/hours' },
            any ? mixedChart(slots.map(slot => t(`weekday.${slot.weekday}`)), t('chart.arrivals'),
                slots.map(slot => slot.arrivals), t('chart.avgWait'),
                slots.map(slot => toMinutes(slot.averageWaitSeconds))) : null,
            table(h('table', { class: 'data' }), null, slotColumns(t('col.weekday')),
                slots.map(slot => [t(`weekday.${slot.weekday}`), formatNumber(slot.arrivals), formatNumber(slot.called),
                    formatMinutes(slot.averageWaitSeconds)])),
            any ? null : t('stats.noData'));
    }

    groupPanel() {
        const r = this.result;
        const rows = r.byService.rows;
        const by = r.multiSite ? 'site' : 'service';
        const title = r.multiSite ? t('stats.scope') : t('stats.byService');
        const chart = rows.length ? {
            type: 'bar',
            data: {
                labels: rows.map(row => row.label ?? row.key),
                datasets: [
                    { label: t('chart.avgWait'), data: rows.map(row => toMinutes(row.wait.averageSeconds)),
                        backgroundColor: COLORS.bars, maxBarThickness: 28 },
                    { label: t('chart.p90Wait'), data: rows.map(row => toMinutes(row.wait.p90Seconds)),
                        backgroundColor: COLORS.p90, maxBarThickness: 28 },
                ],
            },
            options: chartOptions({ indexAxis: 'y' }),
        } : null;
        return this.panel('groups', title, { path: '/stats/breakdown', by }, chart,
            table(h('table', { class: 'data' }), null, metricColumns(t('col.label'), r.overview.thresholdMinutes),
                rows.map(row => metricCells(row.label ?? row.key, row))),
            rows.length ? null : t('stats.noData'));
    }

    tablePanel(id, title, report, by, noneLabel) {
        const rows = report.rows;
        return this.panel(id, title, { path: '/stats/breakdown', by }, null,
            table(h('table', { class: 'data' }), null, metricColumns(t('col.label'), report.thresholdMinutes),
                rows.map(row => metricCells(row.key === null ? noneLabel : (row.label ?? row.key), row))),
            rows.length ? null : t('stats.noData'));
    }

    /** What came of the visits: each outcome and each orientation, with its share of visitors served and peak hour. */
    outcomesPanel() {
        const outcomes = this.result.outcomes;
        if (!outcomes) {
            return this.panel('outcomes', t('stats.outcomes'), null, null, null,
                t('stats.outcomes.unavailable', { siteDays: this.limits.maxOutcomeSiteDays }));
        }
        const total = outcomes.total;
        const rows = [
            ...total.outcomes.map(row => ({ ...row, kind: t('stats.outcomes.outcome') })),
            ...total.orientations.map(row => ({ ...row, kind: t('stats.outcomes.orientation') })),
        ];
        const peak = row => {
            const most = Math.max(...row.hours);
            const hour = row.hours.indexOf(most);
            return `${String(hour).padStart(2, '0')}:00–${String((hour + 1) % 24).padStart(2, '0')}:00`;
        };
        const chart = rows.length ? {
            type: 'bar',
            data: {
                labels: rows.map(row => `${row.label} (${row.kind})`),
                datasets: [{ label: t('chart.visits'), data: rows.map(row => row.count), backgroundColor: COLORS.bars,
                    maxBarThickness: 28 }],
            },
            options: chartOptions({ indexAxis: 'y' }),
        } : null;
        return this.panel('outcomes', t('stats.outcomes'), null, chart,
            table(h('table', { class: 'data' }), t('stats.outcomes.served', { count: total.served }), [
                { label: t('col.label') }, { label: t('col.kind') }, { label: t('col.visits'), numeric: true },
                { label: t('col.shareServed'), numeric: true }, { label: t('col.peakHour') },
            ], rows.map(row => [row.label, row.kind, formatNumber(row.count), formatPercent(row.share), peak(row)])),
            rows.length ? null : t('stats.outcomes.none'));
    }

    /** Five faces' counts, the figures per group, and what visitors wrote lately (erased after 30 days). */
    satisfactionPanel() {
        const satisfaction = this.result.satisfaction;
        if (!satisfaction) {
            return this.panel('satisfaction', t('stats.satisfaction'), null, null, null,
                t('stats.satisfaction.anonymous'));
        }
        const totals = satisfaction.totals;
        const chart = totals.answers ? {
            type: 'bar',
            data: {
                labels: [1, 2, 3, 4, 5].map(score => t(`satisfaction.${score}`)),
                datasets: [{ label: t('chart.answers'), data: totals.distribution, backgroundColor: COLORS.bars,
                    maxBarThickness: 56 }],
            },
            options: chartOptions(),
        } : null;
        const rows = satisfaction.rows.map(row => [row.label ?? row.key ?? '—', formatNumber(row.answers),
            row.averageScore === null ? NONE : formatNumber(row.averageScore, 2), formatPercent(row.satisfiedShare)]);
        const comments = satisfaction.comments.map(comment => h('li', {},
            h('span', { class: 'score' }, t('satisfaction.scoreOf', { score: comment.score })), ' ',
            h('q', {}, comment.comment), ' ',
            h('small', {}, [formatDay(comment.day), comment.service, comment.counter].filter(Boolean).join(' · '))));
        const body = h('div', {},
            table(h('table', { class: 'data' }), t('stats.satisfaction.caption', { answers: totals.answers,
                served: totals.served }), [
                { label: t(satisfaction.by === 'site' ? 'stats.scope' : 'col.label') },
                { label: t('col.answers'), numeric: true }, { label: t('col.averageScore'), numeric: true },
                { label: t('col.satisfied'), numeric: true },
            ], rows),
            h('h3', {}, t('stats.satisfaction.comments')),
            comments.length ? h('ul', { class: 'comments' }, comments)
                : h('p', { class: 'empty' }, t('stats.satisfaction.noComment')));
        return this.panel('satisfaction', t('stats.satisfaction'), null, chart, body,
            totals.answers ? null : t('stats.satisfaction.none'));
    }

    /** Phone call-backs per service: how the requests ended, and the delay from when the caller expected the call. */
    callbacksPanel() {
        const callbacks = this.result.callbacks;
        if (!callbacks) {
            return this.panel('callbacks', t('stats.callbacks'), null, null, null, t('stats.callbacks.perService'));
        }
        const { rows, total } = callbacks;
        const counts = row => CALLBACK_COUNTS.map(key => formatNumber(row[key]));
        const sums = Object.fromEntries(CALLBACK_COUNTS.map(key =>
            [key, rows.reduce((sum, row) => sum + row[key], 0)]));
        const shares = [...rows.map(row => row.shareWithinTarget), total.shareWithinTarget];
        return this.panel('callbacks', t('stats.callbacks'), null, null,
            table(h('table', { class: 'data' }), t('stats.callbacks.delay'), [
                { label: t('stats.service') }, ...[...CALLBACK_COUNTS, 'meanDelay', 'p90Delay', 'target']
                    .map(key => ({ label: t(`col.callbacks.${key}`), numeric: true })),
                { label: t('col.withinTarget'), numeric: true },
            ], [
                ...rows.map(row => [
                    this.serviceLabel(row), ...counts(row), minuteCell(row.meanDelaySeconds),
                    minuteCell(row.p90DelaySeconds),
                    formatNumber(row.targetMinutes), formatPercent(row.shareWithinTarget)]),
                [t('stats.callbacks.total'), ...counts(sums), NONE, NONE, NONE, formatPercent(total.shareWithinTarget)],
            ], index => missed(shares[index]) ? 'over' : null),
            total.requests ? null : t('stats.callbacks.none'));
    }

    /**
     * Appointments per service: booked, cancelled, missed, checked in, called; how late after the booked time they
     * were called, and how many of the service's tickets came from one.
     */
    appointmentsPanel() {
        const appointments = this.result.appointments;
        if (!appointments) {
            return this.panel('appointments', t('stats.appointments'), null, null, null,
                t('stats.appointments.perService'));
        }
        const rows = appointments.rows;
        return this.panel('appointments', t('stats.appointments'), null, null,
            table(h('table', { class: 'data' }), t('stats.appointments.caption'), [
                { label: t('stats.service') },
                ...APPOINTMENT_FIGURES.map(([key]) => ({ label: t(`col.appointments.${key}`), numeric: true })),
            ], rows.map(row => [this.serviceLabel(row),
                ...APPOINTMENT_FIGURES.map(([key, format]) => format(row[key]))])),
            rows.length ? null : t('stats.appointments.none'));
    }

    /** A service's name in a per-service table, after its site's when the statistics cover several sites. */
    serviceLabel(row) {
        if (!this.result.multiSite) {
            return row.serviceName;
        }
        const site = this.sites().find(s => s.id === row.siteId)?.name ?? row.siteId;
        return `${site} · ${row.serviceName}`;
    }

    occupancyPanel() {
        const occupancy = this.result.occupancy;
        if (!occupancy) {
            return this.panel('occupancy', t('stats.occupancy'), null, null, null,
                t('stats.occupancy.unavailable', { siteDays: this.limits.maxOccupancySiteDays }));
        }
        const rows = occupancy.counters;
        // Minutes on the axis, written as durations ("45 min", "2 h 00"), as in the table.
        const minutes = seconds => seconds / 60;
        const duration = seconds => formatDuration(seconds, 'minutes');
        const longest = Math.max(0, ...rows.map(row => (row.servingSeconds + row.callingSeconds + row.idleSeconds
            + row.pausedSeconds) / 60));
        const chart = rows.length ? {
            type: 'bar',
            data: {
                labels: rows.map(row => row.label),
                datasets: [
                    { label: t('chart.serving'), data: rows.map(row => minutes(row.servingSeconds)), backgroundColor: COLORS.serving },
                    { label: t('chart.calling'), data: rows.map(row => minutes(row.callingSeconds)), backgroundColor: COLORS.calling },
                    { label: t('chart.idle'), data: rows.map(row => minutes(row.idleSeconds)), backgroundColor: COLORS.idle },
                    { label: t('chart.paused'), data: rows.map(row => minutes(row.pausedSeconds)), backgroundColor: COLORS.paused },
                ],
            },
            options: durationAxis(chartOptions({ indexAxis: 'y', stacked: true, unit: t('chart.duration') }),
                minuteStep(longest)),
        } : null;
        return this.panel('occupancy', t('stats.occupancy'), { path: '/stats/occupancy' }, chart,
            table(h('table', { class: 'data' }), null, [
                { label: t('col.label') }, { label: t('col.open'), numeric: true },
                { label: t('col.paused'), numeric: true }, { label: t('col.calling'), numeric: true },
                { label: t('col.serving'), numeric: true }, { label: t('col.idle'), numeric: true },
                { label: t('col.occupancy'), numeric: true },
            ], rows.map(row => [row.label, duration(row.openSeconds), duration(row.pausedSeconds),
                duration(row.callingSeconds), duration(row.servingSeconds), duration(row.idleSeconds),
                formatPercent(row.occupancy)])),
            rows.length ? null : t('stats.noData'));
    }
}

/** The AFNOR-style indicators: share satisfied (4 or 5 of 5), mean score, response rate. */
function satisfactionKpis(satisfaction) {
    if (!satisfaction) {
        return [];
    }
    const totals = satisfaction.totals;
    return [
        kpi(t('kpi.satisfied'), formatPercent(totals.satisfiedShare),
            totals.satisfiedShare !== null && totals.satisfiedShare < 0.8),
        kpi(t('kpi.averageScore'), totals.averageScore === null ? NONE : `${formatNumber(totals.averageScore, 1)} / 5`),
        kpi(t('kpi.responseRate'), formatPercent(totals.responseRate)),
    ];
}

function flatten(entries) {
    return (entries || []).flatMap(entry => [entry, ...flatten(entry.children)]);
}

function toMinutes(seconds) {
    return seconds === null || seconds === undefined ? null : Math.round(seconds / 6) / 10;
}

function metricColumns(first, thresholdMinutes) {
    return [
        { label: first }, { label: t('col.tickets'), numeric: true }, { label: t('col.served'), numeric: true },
        { label: t('col.noShow'), numeric: true }, { label: t('col.avgWait'), numeric: true },
        { label: t('col.medianWait'), numeric: true }, { label: t('col.p90Wait'), numeric: true },
        { label: t('col.withinTarget'), numeric: true },
        { label: t('col.withinThreshold', { minutes: thresholdMinutes }), numeric: true },
        { label: t('col.avgService'), numeric: true },
    ];
}

/** Seconds as the tables write them: minutes with one decimal, the unit in the column's heading. */
function minuteCell(seconds) {
    return seconds === null || seconds === undefined ? NONE : formatNumber(seconds / 60, 1);
}

/** Whether a share within target (null: nothing to judge) falls short of what the page asks. */
function missed(share) {
    return share !== null && share !== undefined && share < TARGET_SHARE;
}

function metricCells(label, row) {
    return [label, formatNumber(row.issued + row.transferredIn), formatNumber(row.served), formatNumber(row.noShow),
        minuteCell(row.wait.averageSeconds), minuteCell(row.wait.medianSeconds), minuteCell(row.wait.p90Seconds),
        formatPercent(row.withinTarget.share), formatPercent(row.withinThreshold.share),
        minuteCell(row.service.averageSeconds)];
}

function slotColumns(first) {
    return [{ label: first }, { label: t('col.arrivals'), numeric: true }, { label: t('col.called'), numeric: true },
        { label: t('col.avgWait'), numeric: true }];
}

/** Bars of counts on the left axis, a line of minutes on the right one. */
function mixedChart(labels, barLabel, bars, lineLabel, line) {
    return {
        type: 'bar',
        data: {
            labels,
            datasets: [
                { type: 'bar', label: barLabel, data: bars, backgroundColor: COLORS.bars, yAxisID: 'y', order: 2,
                    maxBarThickness: 56 },
                { type: 'line', label: lineLabel, data: line, borderColor: COLORS.line, backgroundColor: COLORS.line,
                    yAxisID: 'minutes', spanGaps: true, order: 1, tension: 0.2, pointRadius: 3 },
            ],
        },
        options: {
            ...chartOptions(),
            scales: {
                y: { beginAtZero: true, position: 'left', title: { display: true, text: barLabel, color: '#1a1f2b' },
                    ticks: { color: '#1a1f2b', precision: 0 } },
                minutes: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false },
                    title: { display: true, text: lineLabel, color: '#1a1f2b' }, ticks: { color: '#1a1f2b' } },
                x: { ticks: { color: '#1a1f2b' } },
            },
        },
    };
}

/** A stacked bar chart of minutes whose axis and tooltips read as durations, one tick every stepMinutes. */
function durationAxis(options, stepMinutes) {
    const asDuration = minutes => formatDuration(Math.round(minutes * 60), 'minutes');
    options.scales.x.ticks = { ...options.scales.x.ticks, stepSize: stepMinutes, callback: asDuration };
    options.plugins.tooltip = { callbacks: { label: item => t('chart.durationOf', { label: item.dataset.label, duration: asDuration(item.raw) }) } };
    return options;
}
