// The supervision views' two building blocks: a data table and a key figure.

import { h } from '/shared/dom.js';

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
