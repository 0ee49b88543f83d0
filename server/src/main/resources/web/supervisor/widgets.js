// The supervision views' building blocks: a data table, a key figure and the charts' common options.

import { h } from '/shared/dom.js';
import { locales } from '/shared/i18n.js';

/** A table: columns [{label, numeric}] and rows of cell values (strings or nodes); rowClass(row index) optional. */
export function table(element, caption, columns, rows, rowClass = () => null) {
    element.replaceChildren(...[
        caption ? h('caption', {}, caption) : null,
        h('thead', {}, h('tr', {}, columns.map(column =>
            h('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.label)))),
        h('tbody', {}, rows.map((cells, index) => h('tr', { class: rowClass(index) },
            cells.map((cell, i) => i === 0
                ? h('th', { scope: 'row' }, cell)
                : h('td', { class: columns[i].numeric ? 'num' : null }, cell)))))].filter(Boolean));
    return element;
}

export function kpi(name, value, bad = false) {
    return h('div', { class: bad ? 'kpi bad' : 'kpi' }, h('span', { class: 'value' }, value),
        h('span', { class: 'name' }, name));
}

/** Chart.js options shared by every chart: no animation, the page's language, dark text on light. */
export function chartOptions({ indexAxis = 'x', stacked = false, unit = null } = {}) {
    return {
        indexAxis,
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: locales()[0],
        plugins: { legend: { labels: { color: '#1a1f2b' } } },
        scales: {
            x: { stacked, beginAtZero: true, ticks: { color: '#1a1f2b' },
                title: unit ? { display: true, text: unit, color: '#1a1f2b' } : undefined },
            y: { stacked, ticks: { color: '#1a1f2b' } },
        },
    };
}
