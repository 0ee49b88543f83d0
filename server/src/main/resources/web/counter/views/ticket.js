// The counter's services, and the current ticket panel: the visitor at the counter with their wait, the time since
// they were called or served, recalls, the transfer note and the ticket's whole history; or why there is none.

import { counterName, currentSite, mode, serviceName, state } from '../store.js';
import { $, changed, clockTime, priorityBadge } from './parts.js';
import { h } from '/shared/dom.js';
import { formatDuration, t } from '/shared/i18n.js';

const PAUSE_REASONS = ['break', 'meal', 'admin', 'meeting'];

export function renderServices() {
    const services = state.counter?.services ?? [];
    if (!changed('services', services)) {
        return;
    }
    $('#services').replaceChildren(h('span', { class: 'services-label' }, `${t('services')} :`),
        ...services.map(service => h('span', { class: 'chip' },
            service.prefix ? h('b', {}, service.prefix) : null, ` ${service.name}`)));
}

export function renderTicket() {
    const panel = $('#ticket-body');
    const counter = state.counter;
    const ticket = counter?.currentTicket;
    const currentMode = mode();
    if (!changed('ticket', currentMode, counter?.agentName, counter?.pauseReason, counter?.since, ticket,
        state.history)) {
        return;
    }
    const empty = (className, title, ...lines) => panel.replaceChildren(h('div', { class: className },
        h('p', { class: 'empty-title' }, title), lines));
    if (currentMode === 'other') {
        empty('empty', t('other.title', { name: counter.agentName ?? '?' }), h('p', {}, t('other.hint')));
    } else if (currentMode === 'closed') {
        empty('empty', t('closed.title'), h('p', {}, t('closed.hint')));
    } else if (currentMode === 'paused') {
        const reason = counter.pauseReason;
        empty('empty paused', t('paused.title'),
            reason ? h('p', { class: 'pause-reason' }, PAUSE_REASONS.includes(reason) ? t(`pause.${reason}`) : reason)
                : null,
            counter.since ? h('p', {}, t('paused.since', { time: clockTime(counter.since) })) : null);
    } else if (!ticket) {
        empty('empty', t('ticket.none'), h('p', {}, t('ticket.noneHint')));
    } else {
        panel.replaceChildren(currentTicket(ticket));
    }
}

function currentTicket(ticket) {
    const waitedSeconds = (Date.parse(ticket.firstCalledAt ?? ticket.calledAt) - Date.parse(ticket.arrivalAt)) / 1000;
    const serving = ticket.status === 'SERVING';
    return h('article', { class: `ticket status-${ticket.status.toLowerCase()}`, id: 'current-ticket',
        dataset: { ticketId: ticket.id, status: ticket.status } },
    h('div', { class: 'ticket-head' },
        h('div', { class: 'ticket-number', id: 'current-number' }, ticket.number),
        h('div', { class: 'ticket-facts' },
            h('p', { class: 'ticket-state' }, t(`ticket.${ticket.status}`),
                ticket.recallCount > 0
                    ? h('span', { class: 'recalls', id: 'recall-count' }, t('recalls', { count: ticket.recallCount }))
                    : null),
            h('p', { class: 'ticket-service' }, ticket.serviceName, ' ', priorityBadge(ticket.priority)),
            h('p', { class: 'ticket-times' },
                h('span', {}, t('ticket.waited', { duration: formatDuration(waitedSeconds) })),
                ' · ',
                // Filled every second by tickTicket().
                h('span', { class: 'since', dataset: {
                    since: serving ? ticket.startedAt : ticket.calledAt,
                    template: serving ? 'ticket.servingFor' : 'ticket.calledFor',
                } })))),
    ticket.note ? h('div', { class: 'note', id: 'ticket-note' },
        h('span', { class: 'note-label' }, `${t('ticket.note')} : `), ticket.note) : null,
    history());
}

function history() {
    if (!state.history.length) {
        return null;
    }
    return h('details', { class: 'history', open: true },
        h('summary', {}, t('ticket.history')),
        h('ol', { id: 'history' }, ...state.history.map((event) => {
            const place = event.counterId ? t('event.at', { place: counterName(event.counterId) }) : null;
            const note = event.data?.note;
            const target = event.kind === 'TRANSFER'
                ? (event.data?.toCounterId ? counterName(event.data.toCounterId)
                    : serviceName(currentSite(), event.data?.toServiceId)) : null;
            return h('li', { dataset: { kind: event.kind } },
                h('time', {}, clockTime(event.at)), ' ',
                h('span', { class: 'event-kind' }, t(`event.${event.kind}`)),
                place ? ` ${place}` : '',
                target ? ` → ${target}` : '',
                // The note of the transfer that brought the ticket here is already shown above the history.
                note && event.kind !== 'TRANSFER_IN' && note !== state.counter?.currentTicket?.note
                    ? h('q', {}, note) : null);
        })));
}

/** Every second: the time since the visitor was called or served moves on without asking the server. */
export function tickTicket() {
    const serverNow = Date.now() + state.clockOffsetMs;
    document.querySelectorAll('#ticket-panel [data-since]').forEach((element) => {
        const seconds = (serverNow - Date.parse(element.dataset.since)) / 1000;
        element.textContent = t(element.dataset.template, { duration: formatDuration(seconds) });
    });
}
