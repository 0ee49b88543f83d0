// Choosing the counter: one button per active counter of the agent's sites, with the services it serves.

import { allCounters, serviceName, state } from '../store.js';
import { $ } from './parts.js';
import { h } from '/shared/dom.js';

/** onChoose(counterId) when a counter is tapped. */
export function renderChooser(onChoose) {
    const counters = allCounters().filter(counter => counter.active);
    const several = state.sites.length > 1;
    $('#counter-choices').replaceChildren(...counters.map(counter => h('li', {},
        h('button', { type: 'button', class: 'choice', id: `choose-${counter.id}`, onclick: () => onChoose(counter.id) },
            h('span', { class: 'choice-name' }, counter.name),
            h('span', { class: 'choice-detail' }, `${several ? `${counter.site.name} · ` : ''}${
                counter.serviceIds.map(id => serviceName(counter.site, id)).join(', ')}`)))));
    $('#choose-none').hidden = counters.length > 0;
}
