// "Ma journée": the agent's own day (visitors served, average service and wait, no-shows).

import { state } from '../store.js';
import { $, changed } from './parts.js';
import { h } from '/shared/dom.js';
import { formatDuration, t } from '/shared/i18n.js';

export function renderToday() {
    const today = state.today;
    if (!changed('today', today && [today.served, today.noShows, today.averageServiceSeconds,
        today.averageWaitSeconds])) {
        return;
    }
    if (!today) {
        $('#today-tiles').replaceChildren();
        return;
    }
    const tile = (id, value, label) => h('div', { class: 'tile', id },
        h('span', { class: 'value' }, value), h('span', { class: 'tile-label' }, t(label)));
    $('#today-tiles').replaceChildren(
        tile('today-served', today.served, 'today.served'),
        tile('today-service', formatDuration(today.averageServiceSeconds), 'today.averageService'),
        tile('today-wait', formatDuration(today.averageWaitSeconds), 'today.averageWait'),
        tile('today-no-shows', today.noShows, 'today.noShows'));
}
