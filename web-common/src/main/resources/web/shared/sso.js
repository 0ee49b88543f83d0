// Single sign-on on the staff log-in pages (counter, supervision, administration):
//
//   const signedOn = await signOn(api, 'admin');   // null, or the session taken with the code the server sent back
//   ...
//   leaveProvider();                                // after POST /auth/logout: the provider's log-out, if it has one
//
// When the server offers single sign-on (GET /auth/sso), a link to /api/v1/auth/sso/start goes under the log-in
// form (which is hidden when passwords are off). The server sends the browser back to the app with a one-time code
// in the address fragment (#sso=…; a fragment never reaches a server, so never a log): it is removed from the
// address and history at once, then exchanged by POST for an ordinary session. '#sso-pending' says that an
// administrator must still give the account a role and sites.

import { Api, ApiError } from './api.js';
import { h } from './dom.js';
import { language } from './i18n.js';

const LOGOUT_KEY = 'guichet.sso.logoutUrl';
// Agent-facing: French and English, chosen with the page's language; the button's text is the server's.
const TEXTS = {
    fr: {
        or: 'ou',
        pending: 'Votre compte a été créé, mais votre administrateur doit encore vous donner accès (un rôle et des '
            + 'sites). Prévenez-le, puis reconnectez-vous.',
        failed: 'La connexion par l’annuaire n’a pas abouti : recommencez.',
        passwordsOff: 'La connexion par mot de passe est désactivée sur ce serveur.',
    },
    en: {
        or: 'or',
        pending: 'Your account has been created, but your administrator must still give you access (a role and '
            + 'sites). Let them know, then log in again.',
        failed: 'Signing in with the directory did not succeed: please try again.',
        passwordsOff: 'Logging in with a password is turned off on this server.',
    },
};

function text(key) {
    return (TEXTS[language()] ?? TEXTS.fr)[key];
}

/**
 * Sets up sign-on on the page's #login-view for the app ('counter', 'supervisor' or 'admin') and answers the
 * session when the page comes back from a sign-on with a code (its token already given to api), else null.
 */
export async function signOn(api, app) {
    const back = takeFragment();
    let offer = { enabled: false, localPasswords: true };
    try {
        offer = await new Api({ base: api.base }).get('/auth/sso');
    } catch (unreachable) {
        // no offer known: the password form stays as it is
    }
    const area = showOffer(offer, app);
    if (back.pending) {
        say(area, 'pending');
        return null;
    }
    if (!back.code) {
        return null;
    }
    try {
        const session = await new Api({ base: api.base }).post('/auth/sso/exchange', { code: back.code });
        api.setToken(session.token);
        if (session.logoutUrl) {
            sessionStorage.setItem(LOGOUT_KEY, session.logoutUrl);
        }
        return session;
    } catch (e) {
        say(area, e instanceof ApiError && e.status >= 500 ? null : 'failed', e);
        return null;
    }
}

/** After the Guichet session ended at the agent's request: on to the provider's log-out, when it offered one. */
export function leaveProvider() {
    const url = sessionStorage.getItem(LOGOUT_KEY);
    sessionStorage.removeItem(LOGOUT_KEY);
    if (url && /^https?:\/\//.test(url)) {
        location.assign(url);
    }
}

/** The code or pending mark the server put in the fragment, taken out of the address and history. */
function takeFragment() {
    const hash = location.hash;
    if (hash === '#sso-pending') {
        history.replaceState(null, '', location.pathname + location.search);
        return { pending: true };
    }
    if (hash.startsWith('#sso=')) {
        history.replaceState(null, '', location.pathname + location.search);
        return { code: decodeURIComponent(hash.slice(5)) };
    }
    return {};
}

function showOffer(offer, app) {
    const view = document.getElementById('login-view');
    const form = document.getElementById('login-form');
    if (!view || !offer.enabled) {
        return null;
    }
    document.getElementById('sso-area')?.remove();
    const message = h('p', { id: 'sso-message', class: 'form-error', role: 'status' });
    const link = h('a', { id: 'sso-start', class: 'button primary', href: `/api/v1/auth/sso/start?app=${encodeURIComponent(app)}` });
    const separator = h('p', { class: 'hint', id: 'sso-or' });
    const off = h('p', { class: 'hint', id: 'sso-passwords-off' });
    const area = h('div', { id: 'sso-area', class: 'sso' }, offer.localPasswords ? separator : off, link, message);
    const label = offer.label ?? {};
    const render = () => {
        link.textContent = label[language()] ?? label.fr ?? '';
        separator.textContent = text('or');
        off.textContent = text('passwordsOff');
        if (message.dataset.key) {
            message.textContent = text(message.dataset.key);
        }
    };
    render();
    // The apps switch language by setting <html lang>: follow them.
    new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    (form ?? view).after(area);
    if (form && !offer.localPasswords) {
        form.hidden = true;
    }
    return area;
}

function say(area, key, error = null) {
    const message = area?.querySelector('#sso-message');
    if (!message) {
        return;
    }
    if (key) {
        message.dataset.key = key;
        message.textContent = text(key);
    } else {
        delete message.dataset.key;
        message.textContent = error?.message ?? '';
    }
}
