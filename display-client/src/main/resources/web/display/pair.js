// Pairing a screen without typing its token: whoever installs it opens /display/pair (or the address the
// administrator was given, /display/pair?code=…), types the short code, and the screen gets its own token, kept in
// this browser exactly as ?token= keeps it, then shows its room (or its counter). Staff-facing: French and English.

import { Api, ApiError } from '/shared/api.js';
import { chooseLanguage, setLanguage, t, translatePage } from '/shared/i18n.js';
import { keepToken, STORAGE_KEYS } from './screen.js';

const $ = id => document.getElementById(id);
/** What the page did last, for tests and diagnosis. */
const state = { status: 'waiting', error: null };
window.guichetPairing = state;

const url = new URL(location.href);
showLanguage(chooseLanguage(url.searchParams.get('lang'), ...(navigator.languages || []), 'fr'));
$('lang-fr').addEventListener('click', () => showLanguage('fr'));
$('lang-en').addEventListener('click', () => showLanguage('en'));

const given = url.searchParams.get('code');
if (given) {
    $('pair-code').value = given;
    // The code is spent once redeemed: keep it out of the address bar and the history.
    url.searchParams.delete('code');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
}
$('pair-form').addEventListener('submit', event => {
    event.preventDefault();
    pair($('pair-code').value);
});
if (given) {
    pair(given);
} else {
    $('pair-code').focus();
}

function showLanguage(language) {
    setLanguage(language === 'en' ? 'en' : 'fr');
    translatePage();
    for (const button of document.querySelectorAll('.pair-languages button')) {
        button.setAttribute('aria-pressed', String(button.lang === document.documentElement.lang));
    }
    if (state.error) {
        say(errorText(state.error), 'error');
    }
}

async function pair(typed) {
    const code = String(typed || '').replace(/[\s-]/g, '').toUpperCase();
    if (!/^[A-Z0-9]{8}$/.test(code)) {
        fail('malformed');
        return;
    }
    state.status = 'pairing';
    state.error = null;
    $('pair-submit').disabled = true;
    say(t('pair.working'), 'working');
    try {
        const paired = await new Api().post('/devices/pair', { code, kinds: Object.keys(STORAGE_KEYS) });
        if (!paired.page) {
            fail('notScreen');
            return;
        }
        keepToken(STORAGE_KEYS[paired.kind], paired.token);
        state.status = 'paired';
        say(t('pair.done'), 'done');
        location.replace(paired.page);
    } catch (error) {
        fail(error instanceof ApiError ? errorOf(error) : 'network');
    } finally {
        $('pair-submit').disabled = false;
    }
}

function errorOf(error) {
    return {
        pairing_code_unknown: 'unknown',
        pairing_code_used: 'used',
        pairing_code_expired: 'expired',
        pairing_code_blocked: 'blocked',
        pairing_code_other_kind: 'notScreen',
        pairing_throttled: 'throttled',
        bad_request: 'malformed',
    }[error.code] || (error.status === 0 ? 'network' : 'other');
}

function fail(error) {
    state.status = 'failed';
    state.error = error;
    say(errorText(error), 'error');
    $('pair-code').setAttribute('aria-invalid', 'true');
    $('pair-code').focus();
    $('pair-code').select();
}

function errorText(error) {
    return t(`pair.error.${error}`);
}

function say(text, kind) {
    const message = $('pair-message');
    message.textContent = text;
    message.dataset.kind = kind;
    if (kind !== 'error') {
        $('pair-code').removeAttribute('aria-invalid');
    }
}
