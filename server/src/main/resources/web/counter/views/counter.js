// The counter view as a whole, drawn from the store after each read of the server's state; and the whole page again
// when the language changes.

import { enterCounter } from '../session.js';
import { mode, state } from '../store.js';
import { renderActions } from './actions.js';
import { renderChooser } from './chooser.js';
import { renderHeader } from './header.js';
import { renderLogin } from './login.js';
import { renderServices, renderTicket, tickTicket } from './ticket.js';
import { renderToday } from './today.js';
import { renderWaiting, tickWaiting } from './waiting.js';
import { translatePage } from '/shared/i18n.js';

export function renderCounter() {
    document.body.dataset.mode = mode();
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

/** Every second: elapsed times and over-target marks move on without asking the server. */
export function tick() {
    tickTicket();
    tickWaiting();
}
