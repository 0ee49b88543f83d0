// The command buttons, which follow from the mode (closed, paused, idle, called, serving, or open by a colleague), each
// with its keyboard shortcut; and the outcome code, typed before finishing and placed before the button.

import { callNext, counterAction, ticketAction } from '../commands.js';
import { showChooser } from '../session.js';
import { currentSite, mode, state } from '../store.js';
import { openOrientDialog, openPauseDialog, openTransferDialog } from './dialogs.js';
import { $, actionButton, changed } from './parts.js';
import { h } from '/shared/dom.js';
import { language, t } from '/shared/i18n.js';

export function renderActions() {
    const ticket = state.counter?.currentTicket;
    const currentMode = mode();
    if (!changed('actions', currentMode, ticket?.id, ticket?.recallCount)) {
        return;
    }
    const button = (id, label, options = {}) => actionButton({ id, label: t(label), ...options });
    const transfer = () => button('btn-transfer', 'action.transfer', { keys: ['t'], onClick: openTransferDialog });
    const buttons = {
        closed: () => [
            button('btn-open', 'action.open', { keys: ['o'], kind: 'primary big', onClick: () => counterAction('open') }),
            button('btn-change', 'choose.change', { onClick: showChooser }),
        ],
        other: () => [
            button('btn-change', 'choose.change', { kind: 'primary big', onClick: showChooser }),
        ],
        paused: () => [
            button('btn-resume', 'action.resume', { keys: ['p'], kind: 'primary big',
                onClick: () => counterAction('resume') }),
            button('btn-close', 'action.close', { onClick: () => counterAction('close') }),
        ],
        idle: () => [
            button('call-next', 'action.callNext', { keys: [' ', 'n'], kind: 'call big', onClick: callNext }),
            button('btn-pause', 'action.pause', { keys: ['p'], onClick: openPauseDialog }),
            button('btn-close', 'action.close', { onClick: () => counterAction('close') }),
        ],
        callback: () => [],
        called: () => [
            button('btn-start', 'action.start', { keys: ['s'], kind: 'primary big',
                onClick: () => ticketAction('start') }),
            button('btn-recall', 'action.recall', { keys: ['r'], onClick: () => ticketAction('recall'),
                extra: ticket.recallCount > 0 ? h('span', { class: 'count' }, ticket.recallCount) : null }),
            button('btn-no-show', 'action.noShow', { keys: ['a'], kind: 'warn',
                onClick: () => ticketAction('no-show', undefined, 'msg.noShow') }),
            button('btn-requeue', 'action.requeue', { keys: ['q'],
                onClick: () => ticketAction('requeue', undefined, 'msg.requeued') }),
            transfer(),
        ],
        // The outcome before the button that sends it, in reading and in tab order: one tap on one of the service's
        // outcomes, or words.
        serving: () => [
            outcomeChoices(ticket),
            outcomeField(ticket),
            button('btn-finish', 'action.finish', { keys: ['f'], kind: 'primary big',
                onClick: () => ticketAction('finish', outcomeBody(), 'msg.finished') }),
            button('btn-orient', 'action.orient', { keys: ['o'], onClick: openOrientDialog }),
            transfer(),
        ],
    }[currentMode];
    const actions = $('#actions');
    const focused = document.activeElement;
    // Focus that was on a command, or nowhere, would be lost with the old buttons: it goes to the new first one.
    state.focusActions ||= !focused || focused === document.body || actions.contains(focused);
    actions.dataset.mode = currentMode;
    actions.replaceChildren(...(buttons ? buttons().filter(Boolean) : []));
    focusFirstAction();
}

/**
 * For an agent at the keyboard, after a command: the first button of the new mode ("Commencer" once called,
 * "Terminer" once serving, with the outcome field just before it, "Appeler le suivant" once free). Never while a dialog is open or a command is in flight
 * (its buttons are disabled; setBusy(false) calls this again), nor after a tap (it could open a tablet's keyboard).
 */
export function focusFirstAction() {
    if (!state.focusActions || state.busy || !state.keyboardUsed || document.querySelector('dialog[open]')) {
        return;
    }
    // A command, not the outcome field or an outcome choice: a letter typed there would be text, not the shortcut the
    // agent meant, and a choice is not a command.
    const first = $('#actions').querySelector('button.act:not(:disabled)');
    if (first) {
        state.focusActions = false;
        first.focus();
    }
}

/** The outcome chosen or typed survives redrawings for the same ticket, and starts empty for the next one. */
function outcomeFor(ticket) {
    const outcome = state.outcome;
    if (outcome.ticketId !== ticket.id) {
        outcome.ticketId = ticket.id;
        outcome.value = '';
        outcome.code = null;
    }
    return outcome;
}

function outcomeName(outcome) {
    return language() === 'fr' ? outcome.name : outcome.translations?.[language()] ?? outcome.name;
}

/** The outcomes of the ticket's service, as toggle buttons: one tap picks one (again: none), Finish sends it. */
function outcomeChoices(ticket) {
    const outcomes = currentSite()?.services.find(service => service.id === ticket.serviceId)?.outcomes ?? [];
    if (!outcomes.length) {
        return null;
    }
    const outcome = outcomeFor(ticket);
    const choices = outcomes.map(choice => h('button', {
        type: 'button', class: 'outcome-choice', id: `outcome-${choice.id}`, 'data-outcome': choice.id,
        'aria-pressed': String(outcome.code === choice.id),
        onclick: (event) => {
            outcome.code = outcome.code === choice.id ? null : choice.id;
            event.currentTarget.closest('fieldset').querySelectorAll('button.outcome-choice').forEach(button => {
                button.setAttribute('aria-pressed', String(button.dataset.outcome === outcome.code));
            });
        },
    }, outcomeName(choice)));
    return h('fieldset', { class: 'outcome-choices', id: 'outcome-choices' },
        h('legend', {}, t('outcome.choose')), ...choices);
}

function outcomeField(ticket) {
    const outcome = outcomeFor(ticket);
    return h('label', { class: 'outcome' }, h('span', {}, t('outcome.label')),
        h('input', {
            id: 'outcome', type: 'text', maxlength: 64, autocomplete: 'off', value: outcome.value,
            placeholder: t('outcome.placeholder'),
            oninput: (event) => { outcome.value = event.target.value; },
            onkeydown: (event) => {
                if (event.key === 'Enter') {
                    event.preventDefault();
                    $('#btn-finish')?.click();
                }
            },
        }));
}

/** What Finish (or Orient) sends of the outcome: the code chosen, the words typed, each when given. */
export function outcomeBody() {
    const body = {};
    const value = state.outcome.value.trim();
    if (value) {
        body.outcome = value;
    }
    if (state.outcome.code) {
        body.outcomeId = state.outcome.code;
    }
    return body;
}
