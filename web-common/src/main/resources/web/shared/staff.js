// What the staff apps (supervision, administration) share: a failure said as a sentence, and logging in with a role.

import { Api, ApiError } from './api.js';
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

/**
 * Logs in and keeps the session when its agent has one of the roles; otherwise ends that session at once and
 * answers null. A refusal of the server (wrong username or password: 400 or 401) is thrown as it came.
 */
export async function logInWithRole(api, username, password, roles) {
    const session = await api.post('/auth/login', { username, password });
    if (!roles.includes(session.agent.role)) {
        await new Api({ base: api.base, token: session.token }).post('/auth/logout').catch(() => null);
        return null;
    }
    api.setToken(session.token);
    return session;
}
