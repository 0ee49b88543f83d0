// The counter view as a whole, drawn from the store after each read of the server's state; and the whole page again
// when the language changes.

import { announce } from '../banner.js';
import { enterCounter } from '../session.js';
import { mode, state } from '../store.js';
import { renderActions } from './actions.js';
import { renderCallbacks } from './callbacks.js';
import { renderChooser } from './chooser.js';
import { renderHeader } from './header.js';
import { renderLogin } from './login.js';
import { renderServices, renderTicket, tickTicket } from './ticket.js';
import { renderToday } from './today.js';
import { renderWaiting, tickWaiting } from './waiting.js';
import { t, translatePage } from '/shared/i18n.js';

/**
 * The change of state a screen reader is told of, when no message said it already (a call, a finish, a transfer have
 * theirs: see commands.js); null for none.
 */
export function stateChangeSentence(before, after, counter) {
    if (before === after || before === 'loading') {
        return null;
    }
    switch (after) {
        case 'serving': return t('announce.serving', { number: counter.currentTicket.number });
        case 'paused': return t('announce.paused');
        case 'closed': return t('announce.closed');
        case 'other': return t('other.title', { name: counter.agentName ?? '?' });
        case 'idle': return before === 'closed' || before === 'paused' ? t('announce.open') : null;
        default: return null;
    }
}

export function renderCounter() {
    const currentMode = mode();
    const sentence = stateChangeSentence(document.body.dataset.mode, currentMode, state.counter);
    if (sentence) {
        announce(sentence);
    }
    document.body.dataset.mode = currentMode;
    renderHeader();
    renderServices();
    renderTicket();
    renderActions();
    renderWaiting();
    renderToday();
    tick();
}

/** After a read of the waiting list alone. */
export function renderWaitingOnly() {
    renderWaiting();
    tick();
}

export function renderAll() {
    translatePage();
    renderHeader();
    renderLogin();
    if (state.view === 'choose') {
        renderChooser(enterCounter);
    }
    if (state.view === 'counter') {
        renderCounter();
    }
}

/** Every second: elapsed times, over-target marks and call-backs coming due move on without asking the server. */
export function tick() {
    tickTicket();
    tickWaiting();
    renderCallbacks();
}
