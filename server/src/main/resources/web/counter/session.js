// From log-in to log-out: the agent's session, the counter chosen on this tablet (remembered in localStorage), and
// going back to the log-in form when the server says the session has ended.

import { clearMessage, errorText, showMessage } from './banner.js';
import { command, failed, setBusy, whenPasswordChangeRequired } from './commands.js';
import { connectLive, disconnectLive } from './connection.js';
import { api, readSites, refresh } from './server.js';
import { allCounters, counterName, mode, state, STORAGE } from './store.js';
import { renderChooser } from './views/chooser.js';
import { showView } from './views/header.js';
import { renderLogin } from './views/login.js';
import { $ } from './views/parts.js';
import { ApiError } from '/shared/api.js';
import { t } from '/shared/i18n.js';
import { chooseOwnPassword } from '/shared/staff.js';
import { leaveProvider, signOn } from '/shared/sso.js';
import { SharedSession } from '/shared/tabs.js';

// Every tab of this browser shares the agent's session: a new tab takes it, a log-out in one ends it in all.
const tabs = new SharedSession(api, 'guichet.counter.session', { onLoggedOut: () => {
    leave();
    $('#username').focus();
} });

/** At start: back into the session this tab already has, or the log-in form. */
export async function resumeSession() {
    api.onUnauthorized = sessionEnded;
    whenPasswordChangeRequired(() => ownPasswordFirst(null).then(afterLogin).catch(failed));
    const signedOn = await signOn(api, 'counter');
    if (signedOn) {
        state.agent = signedOn.agent;
        try {
            await afterLogin();
        } catch (error) {
            showLogin();
            await failed(error);
        }
        return;
    }
    if (!api.token && !await tabs.join()) {
        showLogin();
        $('#username').focus();
        return;
    }
    try {
        const me = await api.get('/auth/me');
        state.agent = me;
        if (me.mustChangePassword) {
            await ownPasswordFirst(null);
        }
        await afterLogin();
    } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
            return;
        }
        showLogin();
        await failed(error);
    }
}

export async function login(event) {
    event.preventDefault();
    if (state.busy) {
        return;
    }
    setBusy(true);
    try {
        const given = $('#password').value;
        const session = await api.post('/auth/login', { username: $('#username').value.trim(), password: given });
        api.setToken(session.token);
        state.agent = session.agent;
        $('#password').value = '';
        clearMessage();
        if (session.mustChangePassword) {
            setBusy(false); // the form's button must answer; nothing else can be pressed meanwhile
            await ownPasswordFirst(given);
            setBusy(true);
        }
        await afterLogin();
    } catch (error) {
        if (error instanceof ApiError && error.code === 'network') {
            showMessage('error', t('err.network', { seconds: 0 }), 'network');
        } else if (error instanceof ApiError) {
            showMessage('error', errorText(error), error.code);
        } else {
            showMessage('error', t('err.generic', { message: error.message }), 'client');
        }
    } finally {
        setBusy(false);
    }
}

/** Closes the counter first; refused while a visitor is called or being served. */
export async function logout() {
    const currentMode = mode();
    const atCounter = state.view === 'counter';
    if (atCounter && (currentMode === 'called' || currentMode === 'serving')) {
        showMessage('error', t('err.activeTicket'), 'active_ticket');
        return;
    }
    await command(async () => {
        if (atCounter && (currentMode === 'idle' || currentMode === 'paused')) {
            await api.post(`/counters/${encodeURIComponent(state.counterId)}/close`);
        }
        const token = api.token;
        await api.post('/auth/logout');
        tabs.loggedOut(token);
        leave();
        clearMessage();
        leaveProvider();
    });
}

/** The server refused the token (401): back to the log-in form, the counter choice kept. */
function sessionEnded() {
    leave();
    showMessage('error', t('err.session_expired'), 'session_expired');
    $('#username').focus();
}

/**
 * A password an administrator set is replaced by the agent's own before anything else (the server refuses every other
 * call until then): the change-password form takes the place of the log-in form, then the app goes on. current: the
 * password just typed at log-in, or null when this tab did not see it (the form then asks for it).
 */
async function ownPasswordFirst(current) {
    if ($('#password-change-form')) {
        return;
    }
    disconnectLive();
    state.counter = null;
    showLogin();
    clearMessage();
    await chooseOwnPassword(api, { hide: $('#login-form'), current, explain: passwordFailureText });
    showMessage('info', t('password.changed'), 'password_changed');
}

function passwordFailureText(error) {
    if (!(error instanceof ApiError)) {
        return t('err.generic', { message: error.message });
    }
    return error.code === 'network' ? t('password.unreachable') : errorText(error);
}

function leave() {
    $('#password-change-form')?.remove();
    $('#login-form').hidden = false;
    api.setToken(null);
    disconnectLive();
    state.agent = null;
    state.counter = null;
    forgetCallbacks();
    showLogin();
}

function showLogin() {
    showView('login');
    renderLogin();
}

async function afterLogin() {
    await readSites();
    const remembered = localStorage.getItem(STORAGE.counterId);
    if (remembered && allCounters().some(counter => counter.id === remembered)) {
        await enterCounter(remembered);
    } else {
        showChooser();
    }
}

/** A caller's number never stays in the page once its agent has left the counter. */
function forgetCallbacks() {
    state.callbacks = { held: null, open: [] };
    $('#callback-held').replaceChildren();
    $('#announce-status').textContent = '';
}

export function showChooser() {
    disconnectLive();
    state.counter = null;
    forgetCallbacks();
    showView('choose');
    renderChooser(enterCounter);
    $('#counter-choices button')?.focus();
}

export async function enterCounter(counterId) {
    state.counterId = counterId;
    state.counter = null;
    state.history = [];
    localStorage.setItem(STORAGE.counterId, counterId);
    localStorage.setItem(STORAGE.counterName, counterName(counterId));
    showView('counter');
    try {
        await refresh('all');
    } catch (error) {
        await failed(error);
    }
    connectLive();
}
