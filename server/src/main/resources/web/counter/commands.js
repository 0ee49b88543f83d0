// What the agent asks the server to do. One command at a time: every command button is disabled before the request
// leaves and until its answer is on screen, so a double tap sends one request; whatever happens, the counter is read
// again afterwards.

import { clearMessage, errorText, showMessage } from './banner.js';
import { retryUntilReachable, backgroundFailure } from './connection.js';
import { api, refresh } from './server.js';
import { currentSite, state } from './store.js';
import { focusFirstAction } from './views/actions.js';
import { ApiError } from '/shared/api.js';
import { formatClock, t } from '/shared/i18n.js';

/** While a command is in flight every command button is disabled, in place (see changed() in views/parts.js). */
export function setBusy(busy) {
    state.busy = busy;
    document.body.dataset.busy = String(busy);
    document.querySelectorAll('button.act').forEach((button) => {
        button.disabled = busy || button.dataset.blocked === 'true';
    });
    if (!busy) {
        focusFirstAction();
    }
}

export async function command(run) {
    if (state.busy) {
        return;
    }
    setBusy(true);
    try {
        await run();
    } catch (error) {
        await failed(error);
    } finally {
        setBusy(false);
    }
}

let passwordChangeRequired = () => {};

/** What to do when the server refuses a call until the agent has chosen their own password (session.js sets it). */
export function whenPasswordChangeRequired(handler) {
    passwordChangeRequired = handler;
}

/** Says why a command or a read failed, then shows what the server now holds. */
export async function failed(error) {
    if (!(error instanceof ApiError)) {
        showMessage('error', t('err.generic', { message: error.message }), 'client');
        return;
    }
    if (error.code === 'network') {
        retryUntilReachable();
        return;
    }
    if (error.status === 401) {
        return; // the session has ended: the agent is already back at the log-in form
    }
    if (error.code === 'password_change_required') {
        passwordChangeRequired();
        return;
    }
    showMessage('error', errorText(error), error.code);
    await refresh('all').catch(backgroundFailure);
}

function counterPath(action) {
    return `/counters/${encodeURIComponent(state.counterId)}/${action}`;
}

/** action: 'open', 'close', 'resume' or 'pause' (body {reason}). */
export function counterAction(action, body = {}) {
    return command(async () => {
        await api.post(counterPath(action), body);
        clearMessage();
        await refresh('all');
    });
}

export function callNext() {
    return command(async () => {
        const ticket = await api.post(counterPath('call-next'));
        if (ticket) {
            showMessage('info', t('msg.called', { number: ticket.number }), 'called');
        } else {
            showMessage('info', t('msg.nobodyWaiting'), 'nobody_waiting');
        }
        await refresh('all');
    });
}

/** Calls a ticket chosen in the waiting list; when another counter was quicker, says which. */
export function callTicket(waitingTicket) {
    return command(async () => {
        try {
            const ticket = await api.post(`/tickets/${waitingTicket.id}/call`, { counterId: state.counterId });
            showMessage('info', t('msg.called', { number: ticket.number }), 'called');
        } catch (error) {
            if (!(error instanceof ApiError) || error.code !== 'illegal_transition') {
                throw error;
            }
            const now = await api.get(`/tickets/${waitingTicket.id}`).catch(() => null);
            const taken = now && now.counterName && ['CALLED', 'SERVING'].includes(now.status);
            showMessage('error', taken
                ? t('err.takenByCounter', { number: waitingTicket.number, counter: now.counterName })
                : t('err.notWaitingAnymore', { number: waitingTicket.number }), 'taken');
        }
        await refresh('all');
    });
}

/** A ticket for a visitor already inside; the banner gives its number to tell them. */
export function issueTicket(body) {
    return command(async () => {
        const ticket = await api.post('/tickets', body);
        showMessage('info', t('msg.issued', { number: ticket.number, service: ticket.serviceName ?? '' }), 'issued');
        await refresh('all');
    });
}

/**
 * action on the current ticket ('start', 'recall', 'finish', 'transfer'…); doneMessage a text key, or none, said with
 * the ticket's number and any other params; or a function of the server's answer giving [key, params].
 */
export function ticketAction(action, body = {}, doneMessage = null, params = {}) {
    const ticket = state.counter?.currentTicket;
    if (!ticket) {
        return Promise.resolve();
    }
    return command(async () => {
        const answer = await api.post(`/tickets/${ticket.id}/${action}`, body);
        const [key, more] = typeof doneMessage === 'function' ? doneMessage(answer) : [doneMessage, params];
        if (key) {
            showMessage('info', t(key, { number: ticket.number, ...more }), action);
        } else {
            clearMessage();
        }
        await refresh('all');
    });
}

// ------------------------------------------------------------------ call-backs

/** Takes a call-back to make now: the given one, or the earliest due of the counter's services. */
export function takeCallback(callbackId = null) {
    return command(async () => {
        const taken = await api.post(counterPath('callbacks/take'), callbackId ? { callbackId } : {});
        if (taken) {
            showMessage('info', t('msg.callbackTaken'), 'callback');
        } else {
            showMessage('info', t('msg.noCallbackDue'), 'nobody_waiting');
        }
        await refresh('all');
    });
}

/** outcome: 'answered', 'no_answer' or 'wrong_number'; said with when the request comes back, if it does. */
export function callbackOutcome(callback, outcome) {
    return command(async () => {
        const after = await api.post(`/callbacks/${callback.id}/outcome`, { outcome });
        showMessage('info', after.status === 'WAITING'
            ? t('msg.callbackAgain', { time: formatClock(after.notBefore, currentSite()?.timeZone) })
            : t(`msg.callback.${after.status}`), 'callback');
        await refresh('all');
    });
}

export function releaseCallback(callback) {
    return command(async () => {
        await api.post(`/callbacks/${callback.id}/release`);
        clearMessage();
        await refresh('all');
    });
}
