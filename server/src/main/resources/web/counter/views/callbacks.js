// Call-backs of the counter's services, under the waiting list: the one the agent is making (the number to dial, the
// subject, and one tap for how it went), then the others, earliest due first, each with "Rappeler" once it is due
// and the counter is free. The number is only ever in the call-back being made: the server sends no other.

import { callbackOutcome, releaseCallback, takeCallback } from '../commands.js';
import { currentSite, mode, state } from '../store.js';
import { $, actionButton, changed, clockTime } from './parts.js';
import { h } from '/shared/dom.js';
import { formatDay, formatDuration, t } from '/shared/i18n.js';

/** Due by the server's clock: a request coming back at 15:30 can be taken at 15:30 without waiting for a read. */
function due(callback) {
    return callback.status === 'WAITING' && Date.parse(callback.notBefore) <= Date.now() + state.clockOffsetMs;
}

/** Waited since due, counted on from the read (whole minutes: what the list shows). */
function waitedMinutes(callback) {
    return Math.floor((callback.waitedSeconds + (Date.now() - state.waitingReadAt) / 1000) / 60);
}

export function renderCallbacks() {
    const { held } = state.callbacks;
    const open = state.callbacks.open.map((callback) => {
        const isDue = due(callback);
        return { ...callback, due: isDue, waited: isDue ? waitedMinutes(callback) : 0 };
    });
    const idle = mode() === 'idle';
    const dueNow = open.filter(callback => callback.due);
    if (!changed('callbacks', idle, held, open.map(callback => [callback.id, callback.status, callback.due,
        callback.attempts, callback.notBefore, callback.waited]))) {
        return;
    }
    $('#callbacks-count').textContent = String(dueNow.length);
    $('#callbacks-empty').hidden = open.length > 0;
    $('#callback-held').replaceChildren(...(held ? [heldPanel(held)] : []));
    $('#callbacks-list').replaceChildren(...open.filter(callback => callback.id !== held?.id)
        .map(callback => row(callback, idle && !held)));
}

/** "between 14:00 and 16:00", with the day when it is not today's. */
function windowText(callback) {
    const between = t('callbacks.between', { from: clockTime(callback.preferredFrom),
        to: clockTime(callback.preferredTo) });
    const day = localDay(callback.preferredFrom);
    return day === localDay(new Date(Date.now() + state.clockOffsetMs).toISOString()) ? between
        : `${formatDay(day)}, ${between}`;
}

/** The date of an instant in the counter's site's time zone, as 2026-12-01. */
function localDay(iso) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: currentSite()?.timeZone, year: 'numeric', month: '2-digit',
        day: '2-digit' }).format(new Date(iso));
}

function heldPanel(callback) {
    if (!callback.phone) {
        // Held at this counter by another agent (who left), or a number this server's key cannot open.
        return h('div', { class: 'callback-held' }, h('p', {}, t(callback.unreadable ? 'err.number_unreadable'
            : 'callbacks.heldByOther', { subject: callback.subject })));
    }
    const outcome = (value, kind) => actionButton({
        id: `callback-${value}`,
        label: t(`callbacks.outcome.${value}`),
        kind,
        onClick: () => callbackOutcome(callback, value),
    });
    return h('div', { class: 'callback-held', role: 'group', 'aria-labelledby': 'callback-held-title' },
        h('h3', { id: 'callback-held-title' }, t('callbacks.calling', { attempt: callback.attempts + 1 })),
        h('p', { class: 'callback-phone' },
            h('a', { href: `tel:${callback.phone.e164}`, id: 'callback-phone-link' }, callback.phone.national)),
        h('p', { class: 'callback-subject' }, callback.subject),
        h('p', { class: 'hint' }, `${callback.serviceName} · ${windowText(callback)}`),
        h('div', { class: 'callback-outcomes' },
            outcome('answered', 'primary'), outcome('no_answer', 'secondary'), outcome('wrong_number', 'secondary'),
            actionButton({ id: 'callback-release', label: t('callbacks.release'), kind: 'ghost',
                onClick: () => releaseCallback(callback) })));
}

function row(callback, callable) {
    const calling = callback.status === 'CALLING';
    const when = calling ? t('callbacks.byColleague')
        : callback.due ? formatDuration(callback.waited * 60, 'minutes')
            : t('callbacks.from', { time: clockTime(callback.notBefore) });
    return h('li', {
        class: 'waiting-row callback-row',
        dataset: { callbackId: callback.id },
    },
    h('span', { class: 'number', 'aria-hidden': 'true' }, '☎'),
    h('span', { class: 'service' }, callback.subject),
    h('span', { class: 'waited' }, when),
    h('span', { class: 'marks' },
        h('span', { class: 'hint' }, `${callback.serviceName} · ${windowText(callback)}`),
        callback.attempts > 0 ? h('span', { class: 'badge transferred' },
            t('callbacks.attempts', { count: callback.attempts })) : null,
        callback.due && callback.waited >= callback.targetMinutes && callback.attempts === 0
            ? h('span', { class: 'badge over' }, `⚠ ${t('waiting.overTarget')}`) : null),
    actionButton({
        id: `callback-take-${callback.id}`,
        label: t('callbacks.take'),
        ariaLabel: t('callbacks.takeNamed', { subject: callback.subject }),
        kind: 'call-this',
        disabled: !callable || !callback.due,
        onClick: () => takeCallback(callback.id),
    }));
}
