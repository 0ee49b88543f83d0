// The command buttons, which follow from the mode (closed, paused, idle, called, serving, or open by a colleague), each
// with its keyboard shortcut; and the outcome code, typed before finishing and placed before the button.

import { callNext, counterAction, ticketAction } from '../commands.js';
import { showChooser } from '../session.js';
import { mode, state } from '../store.js';
import { openPauseDialog, openTransferDialog } from './dialogs.js';
import { $, actionButton, changed } from './parts.js';
import { h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

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
        // The outcome code before the button that sends it, in reading and in tab order.
        serving: () => [
            outcomeField(ticket),
            button('btn-finish', 'action.finish', { keys: ['f'], kind: 'primary big',
                onClick: () => ticketAction('finish', outcomeBody(), 'msg.finished') }),
            transfer(),
        ],
    }[currentMode];
    const actions = $('#actions');
    const focused = document.activeElement;
    // Focus that was on a command, or nowhere, would be lost with the old buttons: it goes to the new first one.
    state.focusActions ||= !focused || focused === document.body || actions.contains(focused);
    actions.dataset.mode = currentMode;
    actions.replaceChildren(...(buttons ? buttons() : []));
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
    // A button, not the outcome field: a letter typed there would be text, not the shortcut the agent meant.
    const first = $('#actions').querySelector('button:not(:disabled)');
    if (first) {
        state.focusActions = false;
        first.focus();
    }
}

/** The outcome code survives redrawings for the same ticket, and starts empty for the next one. */
function outcomeField(ticket) {
    const outcome = state.outcome;
    if (outcome.ticketId !== ticket.id) {
        outcome.ticketId = ticket.id;
        outcome.value = '';
    }
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

function outcomeBody() {
    const value = state.outcome.value.trim();
    return value ? { outcome: value } : {};
}
