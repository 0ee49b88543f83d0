// The waiting list, in calling order: number, service, time waited (red past the service's target), priority and
// transfer marks, and a button to call that visitor out of order while the counter is free.

import { callTicket } from '../commands.js';
import { mode, state } from '../store.js';
import { $, actionButton, changed, clockTime, priorityBadge } from './parts.js';
import { h } from '/shared/dom.js';
import { formatDuration, t } from '/shared/i18n.js';

export function renderWaiting() {
    const list = $('#waiting-list');
    const callable = mode() === 'idle';
    const rows = state.waiting.map(ticket => [ticket.id, ticket.number, ticket.serviceName, ticket.priority,
        ticket.targetCounterId, ticket.transferredFrom, ticket.note, ticket.targetWaitMinutes, ticket.appointmentAt,
        ticket.appointmentName]);
    if (!changed('waiting', callable, rows)) {
        // Waited times still move on: tickWaiting() reads them from here.
        state.waiting.forEach((ticket) => {
            const cell = list.querySelector(`.waiting-row[data-ticket-id="${ticket.id}"] .waited`);
            if (cell) {
                cell.dataset.waited = ticket.waitedSeconds;
            }
        });
        return;
    }
    $('#waiting-count').textContent = String(state.waiting.length);
    $('#waiting-empty').hidden = state.waiting.length > 0;
    list.replaceChildren(...state.waiting.map(ticket => h('li', {
        class: 'waiting-row',
        dataset: { ticketId: ticket.id, number: ticket.number, target: ticket.targetWaitMinutes * 60 },
    },
    h('span', { class: 'number' }, ticket.number),
    h('span', { class: 'service' }, ticket.serviceName),
    h('span', { class: 'waited', dataset: { waited: ticket.waitedSeconds } }),
    h('span', { class: 'marks' },
        priorityBadge(ticket.priority),
        ticket.appointmentAt ? h('span', { class: 'badge appointment-time' },
            t('waiting.appointmentAt', { time: clockTime(ticket.appointmentAt) })) : null,
        ticket.appointmentName ? h('span', { class: 'appointment-name' }, ticket.appointmentName) : null,
        ticket.targetCounterId ? h('span', { class: 'badge for-counter' }, t('waiting.forThisCounter')) : null,
        ticket.transferredFrom ? h('span', { class: 'badge transferred', title: ticket.note ?? '' },
            `↪ ${t('waiting.transferred')}`) : null,
        h('span', { class: 'badge over', hidden: true }, `⚠ ${t('waiting.overTarget')}`)),
    actionButton({
        id: `call-${ticket.id}`,
        label: t('action.callThis'),
        ariaLabel: t('action.callThisNamed', { number: ticket.number }),
        kind: 'call-this',
        disabled: !callable,
        onClick: () => callTicket(ticket),
    }))));
}

/** Every second: waited times and over-target marks move on without asking the server. */
export function tickWaiting() {
    const elapsed = (Date.now() - state.waitingReadAt) / 1000;
    document.querySelectorAll('#waiting-list .waiting-row').forEach((row) => {
        const waited = Number(row.querySelector('.waited').dataset.waited) + elapsed;
        row.querySelector('.waited').textContent = formatDuration(waited, 'minutes');
        const over = waited > Number(row.dataset.target);
        row.classList.toggle('over-target', over);
        row.querySelector('.badge.over').hidden = !over;
    });
}
