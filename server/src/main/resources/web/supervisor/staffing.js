// Staffing advice for a site's week: counters to open per hour (Erlang C, from measured arrivals and handling
// times), set against the counters actually opened and the share of visitors actually called within target.

import { chartOptions, table } from './widgets.js';
import { h } from '/shared/dom.js';
import { formatDay, formatNumber, formatPercent, formatMinutes, NONE, t } from '/shared/i18n.js';

const $ = (selector) => document.querySelector(selector);
const COLORS = { advised: '#0b4f8a', opened: '#8d96a8', reached: '#b3261e', expected: '#1b5e20' };

/** "2026-12-07" moved by a number of days. */
function shiftDay(isoDate, days) {
    const [year, month, day] = isoDate.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function hourSpan(hour) {
    const pad = value => String(value).padStart(2, '0');
    return `${pad(hour)}:00–${pad((hour + 1) % 24)}:00`;
}

/** The day's opening hours; a site that declares none is open all day. */
function openings(ranges) {
    if (!ranges.length) {
        return t('staffing.closed');
    }
    return ranges.length === 1 && ranges[0] === '00:00-24:00' ? t('staffing.noHours') : ranges.join(', ');
}

function share(value) {
    return value === null || value === undefined ? NONE : formatPercent(value);
}

export class StaffingView {
    constructor(api, showError, siteId) {
        this.api = api;
        this.showError = showError;
        this.siteId = siteId;
        this.ready = false;
        this.week = null;
        this.advice = null;
        this.day = null;
        this.chart = null;
        this.loading = 0;
    }

    show() {
        if (!this.ready) {
            this.ready = true;
            $('#staffing-form').addEventListener('submit', event => {
                event.preventDefault();
                this.load();
            });
            $('#staffing-previous').addEventListener('click', () => this.moveWeek(-7));
            $('#staffing-next').addEventListener('click', () => this.moveWeek(7));
            $('#staffing-day').addEventListener('change', () => {
                this.day = $('#staffing-day').value;
                this.renderDay();
            });
            this.load();
        } else if (this.stale) {
            this.stale = false;
            this.week = null;
            this.load();
        }
    }

    siteChanged() {
        this.stale = true;
        if (this.ready && !$('#staffing-view').hidden) {
            this.show();
        }
    }

    moveWeek(days) {
        if (this.week) {
            this.week = shiftDay(this.week, days);
            this.load();
        }
    }

    async load() {
        const form = $('#staffing-form');
        if (!form.reportValidity()) {
            return;
        }
        const query = new URLSearchParams({ siteId: this.siteId(), targetPercent: $('#staffing-target').value,
            weeks: $('#staffing-weeks').value });
        if (this.week) {
            query.set('week', this.week);
        }
        const run = ++this.loading;
        $('#staffing-status').textContent = t('stats.loading');
        try {
            const advice = await this.api.get(`/stats/staffing?${query}`);
            if (run !== this.loading) {
                return;
            }
            this.advice = advice;
            this.week = advice.week;
            const days = advice.days.map(day => day.date);
            if (!days.includes(this.day)) {
                this.day = (advice.days.find(day => day.hours.length > 0) ?? advice.days[0]).date;
            }
            this.showError(null);
            $('#staffing-status').textContent = '';
            this.rerender();
        } catch (e) {
            if (run === this.loading) {
                $('#staffing-status').textContent = '';
                this.showError(e);
            }
        }
    }

    rerender() {
        const advice = this.advice;
        if (!advice) {
            return;
        }
        $('#staffing-week').textContent = t('staffing.weekOf', { day: formatDay(advice.week) });
        $('#staffing-basis').textContent = t('staffing.basis', { weeks: advice.weeks, from: formatDay(advice.sample.from),
            to: formatDay(advice.sample.to), percent: advice.targetPercent });
        table($('#staffing-days'), t('staffing.days.caption'), [
            { label: t('staffing.col.day') }, { label: t('staffing.col.openings') },
            { label: t('staffing.col.advisedHours'), numeric: true },
            { label: t('staffing.col.openedHours'), numeric: true }, { label: t('staffing.col.measuredDay') },
            { label: t('staffing.col.sampleDays'), numeric: true },
        ], advice.days.map(day => [
            `${t(`weekday.${day.weekday}`)} ${formatDay(day.date)}`,
            openings(day.openings),
            formatNumber(day.counterHours), formatNumber(day.measuredCounterHours, 1),
            `${t(`weekday.${new Date(`${day.measuredDay}T00:00:00Z`).getUTCDay() || 7}`)} ${formatDay(day.measuredDay)}`,
            formatNumber(day.sampleDays),
        ]));
        $('#staffing-day').replaceChildren(...advice.days.map(day =>
            h('option', { value: day.date }, `${t(`weekday.${day.weekday}`)} ${formatDay(day.date)}`)));
        $('#staffing-day').value = this.day;
        this.renderDay();
    }

    renderDay() {
        const day = this.advice.days.find(d => d.date === this.day);
        this.chart?.destroy();
        this.chart = null;
        $('#staffing-day-title').textContent = t('staffing.dayTitle', {
            day: `${t(`weekday.${day.weekday}`)} ${formatDay(day.date)}`, measured: formatDay(day.measuredDay) });
        const hours = day.hours;
        $('#staffing-empty').hidden = hours.length > 0;
        $('#staffing-empty').textContent = day.openings.length ? t('staffing.noVisitors') : t('staffing.closedDay');
        $('#staffing-chart-box').hidden = hours.length === 0;
        $('#staffing-tables').hidden = hours.length === 0;
        if (!hours.length) {
            return;
        }
        const percent = value => value === null || value === undefined ? null : Math.round(value * 1000) / 10;
        const options = chartOptions();
        options.scales = {
            y: { beginAtZero: true, position: 'left', ticks: { color: '#1a1f2b', precision: 0 },
                title: { display: true, text: t('staffing.chart.counters'), color: '#1a1f2b' } },
            share: { min: 0, max: 100, position: 'right', grid: { drawOnChartArea: false }, ticks: { color: '#1a1f2b' },
                title: { display: true, text: t('staffing.chart.share'), color: '#1a1f2b' } },
            x: { ticks: { color: '#1a1f2b' } },
        };
        const canvas = $('#staffing-chart');
        canvas.setAttribute('aria-label', $('#staffing-day-title').textContent);
        this.chart = new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: hours.map(hour => `${hour.hour} h`),
                datasets: [
                    { type: 'bar', label: t('staffing.chart.advised'), data: hours.map(hour => hour.counters),
                        backgroundColor: COLORS.advised, yAxisID: 'y', order: 2, maxBarThickness: 40 },
                    { type: 'bar', label: t('staffing.chart.opened'),
                        data: hours.map(hour => hour.measured?.countersOpen ?? 0),
                        backgroundColor: COLORS.opened, yAxisID: 'y', order: 2, maxBarThickness: 40 },
                    { type: 'line', label: t('staffing.chart.expected'),
                        data: hours.map(hour => percent(hour.expectedShareWithinTarget)), borderColor: COLORS.expected,
                        backgroundColor: COLORS.expected, yAxisID: 'share', order: 1, spanGaps: true, pointRadius: 3 },
                    { type: 'line', label: t('staffing.chart.reached'),
                        data: hours.map(hour => percent(hour.measured?.shareWithinTarget)), borderColor: COLORS.reached,
                        backgroundColor: COLORS.reached, yAxisID: 'share', order: 1, spanGaps: true, pointRadius: 3,
                        borderDash: [6, 4] },
                ],
            },
            options,
        });
        table($('#staffing-hours'), null, [
            { label: t('col.hour') }, { label: t('staffing.col.advised'), numeric: true },
            { label: t('staffing.col.opened'), numeric: true }, { label: t('staffing.col.expected'), numeric: true },
            { label: t('staffing.col.reached'), numeric: true }, { label: t('staffing.col.called'), numeric: true },
            { label: t('staffing.col.occupancyMeasured'), numeric: true },
        ], hours.map(hour => [hourSpan(hour.hour), formatNumber(hour.counters),
            hour.measured ? formatNumber(hour.measured.countersOpen, 1) : formatNumber(0),
            share(hour.expectedShareWithinTarget), share(hour.measured?.shareWithinTarget),
            formatNumber(hour.measured?.called ?? 0), share(hour.measured?.occupancy)]),
        index => {
            const measured = hours[index].measured;
            return measured && measured.countersOpen + 0.05 < hours[index].counters ? 'problem' : null;
        });
        const rows = hours.flatMap(hour => hour.services.filter(service => service.arrivalsPerHour > 0)
            .map(service => [hourSpan(hour.hour), service.name, formatNumber(service.arrivalsPerHour, 1),
                formatMinutes(service.handlingSeconds),
                formatNumber(service.targetMinutes), formatNumber(service.counters), share(service.occupancy),
                share(service.probabilityOfWaiting),
                formatMinutes(service.averageWaitSeconds),
                share(service.shareWithinTarget)]));
        table($('#staffing-services'), null, [
            { label: t('col.hour') }, { label: t('staffing.col.service') },
            { label: t('staffing.col.arrivals'), numeric: true }, { label: t('staffing.col.handling'), numeric: true },
            { label: t('staffing.col.target'), numeric: true }, { label: t('staffing.col.advised'), numeric: true },
            { label: t('staffing.col.occupancyExpected'), numeric: true },
            { label: t('staffing.col.waiting'), numeric: true },
            { label: t('staffing.col.meanWait'), numeric: true }, { label: t('staffing.col.expected'), numeric: true },
        ], rows);
    }
}
