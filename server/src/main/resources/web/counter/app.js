// The counter tablet: an agent logs in, opens a counter, and calls and serves visitors. This module only starts it:
//   store.js        the one state object, and what follows from it (mode, sites, names)
//   server.js       the REST client, and reading the server's state into the store
//   commands.js     what the agent asks the server to do, one command at a time
//   session.js      log-in, log-out, the counter chosen on this tablet
//   connection.js   live updates through the event bus, and a lost connection
//   banner.js       messages
//   keyboard.js     shortcuts
//   views/*.js      what is drawn: header, log-in, chooser, ticket panel, actions, waiting list, my day, dialogs
// Every command is a REST call; live messages only trigger re-reads over REST, so what the screen shows is always
// what the server holds.

import './texts.js';
import { backgroundFailure, reconnecting } from './connection.js';
import { setUpShortcuts } from './keyboard.js';
import { refresh } from './server.js';
import { login, logout, resumeSession } from './session.js';
import { currentSite, onStateRead, state, STORAGE, TRAINING } from './store.js';
import { renderAll, renderCounter, renderWaitingOnly, tick } from './views/counter.js';
import { setUpDialogs } from './views/dialogs.js';
import { $ } from './views/parts.js';
import { nextLanguage, rememberLanguage, setLanguage, translatePage } from '/shared/i18n.js';

const TICK_MS = 1000;
const POLL_WHEN_NOT_LIVE_MS = 5000;
const RESYNC_MS = 60000;

function readAgain() {
    if (state.view === 'counter' && !reconnecting()) {
        refresh('all').catch(backgroundFailure);
    }
}

/** In training mode: the mark on every view, the way back, and the copy's kiosk in another tab. */
function setUpTraining() {
    document.body.dataset.training = String(TRAINING);
    $('#training-mark').hidden = !TRAINING;
    const link = $('#training-switch');
    link.href = TRAINING ? './' : '?formation';
    link.dataset.i18n = TRAINING ? 'training.leave' : 'training.enter';
    if (TRAINING) {
        $('#choose-none').dataset.i18n = 'training.none';
    }
    $('#callbacks-panel').hidden = TRAINING;
    $('#new-appointment').hidden = TRAINING;
    const kiosk = $('#training-kiosk');
    kiosk.hidden = !TRAINING;
    kiosk.addEventListener('click', () => {
        const copyId = currentSite()?.id ?? state.sites[0]?.id;
        if (copyId) {
            window.open(`/formation/borne.html?copy=${encodeURIComponent(copyId)}`, '_blank');
        }
    });
}

function start() {
    setUpTraining();
    rememberLanguage(STORAGE.language);
    translatePage();
    onStateRead(kind => (kind === 'waiting' ? renderWaitingOnly() : renderCounter()));
    $('#login-form').addEventListener('submit', login);
    $('#logout').addEventListener('click', logout);
    $('#lang-toggle').addEventListener('click', () => {
        setLanguage(nextLanguage());
        renderAll();
    });
    setUpDialogs();
    setUpShortcuts();
    setInterval(tick, TICK_MS);
    setInterval(() => {
        if (state.live !== 'open') {
            readAgain();
        }
    }, POLL_WHEN_NOT_LIVE_MS);
    setInterval(readAgain, RESYNC_MS);
    resumeSession();
}

start();
