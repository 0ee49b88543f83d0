// What the staff apps (supervision, administration) share: a failure said as a sentence, and their log-in form.

import { Api, ApiError } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * A failure as a sentence for the app's banner. The app registers the texts error.network, error.session,
 * error.forbidden, error.request ({message}) and error.server.
 */
export function errorText(error) {
    if (!(error instanceof ApiError)) {
        return error.message;
    }
    if (error.code === 'network') {
        return t('error.network');
    }
    if (error.status === 401) {
        return t('error.session');
    }
    if (error.status === 403) {
        return t('error.forbidden');
    }
    if (error.status >= 400 && error.status < 500) {
        return t('error.request', { message: error.message ?? '' });
    }
    return t('error.server');
}

/** Shows a failure as a sentence in the app's #error banner, or hides the banner (no failure). */
export function showError(error) {
    const banner = document.getElementById('error');
    banner.textContent = error ? errorText(error) : '';
    banner.hidden = !error;
}

/**
 * The log-in form of a staff app (#username, #password, #login-error): logs in and keeps the session only when the
 * agent has one of the roles, then calls enter(); says plainly a wrong password (login.failed), a role the app does
 * not serve (deniedKey, the session ended at once) or any other failure.
 */
export function logInForm(api, roles, deniedKey, enter) {
    return async (event) => {
        event.preventDefault();
        const error = document.getElementById('login-error');
        const password = document.getElementById('password');
        error.textContent = '';
        try {
            const session = await logInWithRole(api, document.getElementById('username').value.trim(),
                password.value, roles);
            if (!session) {
                error.textContent = t(deniedKey);
                return;
            }
            const given = password.value;
            password.value = '';
            if (session.mustChangePassword) {
                await chooseOwnPassword(api, { hide: document.getElementById('login-form'), current: given });
            }
            await enter();
        } catch (e) {
            error.textContent = e instanceof ApiError && (e.status === 400 || e.status === 401)
                ? t('login.failed')
                : e instanceof ApiError && e.status === 429 ? t('login.throttled') : errorText(e);
        }
    };
}

async function logInWithRole(api, username, password, roles) {
    const session = await api.post('/auth/login', { username, password });
    if (!roles.includes(session.agent.role)) {
        await new Api({ base: api.base, token: session.token }).post('/auth/logout').catch(() => null);
        return null;
    }
    api.setToken(session.token);
    return session;
}

/**
 * A password an administrator set (or generated) is replaced by the agent's own before anything else: a form
 * (#password-change-form) takes the place of the element hide (the log-in form) until the server accepts the new
 * password; the promise then resolves. current: the password the agent has just logged in with, or null when the app
 * did not see it (a session resumed, taken from another tab): the form then asks for it too. explain(error): the
 * sentence for a failure other than a refused password (errorText by default). The app registers the texts
 * password.mustChange, password.new, password.confirm, password.mismatch, password.same, password.refused
 * ({message}) and password.save; and password.current and password.wrongCurrent when it may pass no current password.
 */
export function chooseOwnPassword(api, { hide, current = null, explain = errorText }) {
    return new Promise((resolve) => {
        const asked = current === null
            ? h('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true })
            : null;
        const fresh = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true });
        const again = h('input', { id: 'new-password-again', type: 'password', autocomplete: 'new-password',
            required: true });
        const error = h('p', { id: 'password-change-error', class: 'error', role: 'alert' });
        const form = h('form', { id: 'password-change-form' },
            h('p', {}, t('password.mustChange')),
            asked ? h('label', {}, h('span', {}, t('password.current')), asked) : null,
            h('label', {}, h('span', {}, t('password.new')), fresh),
            h('label', {}, h('span', {}, t('password.confirm')), again),
            error,
            h('button', { type: 'submit' }, t('password.save')));
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            error.textContent = '';
            if (fresh.value !== again.value) {
                error.textContent = t('password.mismatch');
                return;
            }
            try {
                await api.post('/auth/password', { currentPassword: asked ? asked.value : current,
                    newPassword: fresh.value });
                form.remove();
                hide.hidden = false;
                resolve();
            } catch (e) {
                error.textContent = refusalText(e, asked !== null, explain);
            }
        });
        hide.hidden = true;
        hide.after(form);
        (asked ?? fresh).focus();
    });
}

function refusalText(error, currentAsked, explain) {
    if (!(error instanceof ApiError)) {
        return explain(error);
    }
    if (currentAsked && error.status === 403 && error.code === 'invalid_credentials') {
        return t('password.wrongCurrent');
    }
    if (error.status !== 400) {
        return explain(error);
    }
    return error.code === 'same_password' ? t('password.same') : t('password.refused', { message: error.message });
}

/**
 * Enters the app with the session a sign-on has just given; when the app refuses it (an account without a role
 * here), ends that session and shows the log-in form saying why.
 */
export async function enterSignedOn(api, enter, showLogin) {
    try {
        await enter();
    } catch (e) {
        await api.post('/auth/logout').catch(() => null);
        api.setToken(null);
        showLogin(errorText(e));
    }
}
