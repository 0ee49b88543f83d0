// The message banner under the header: what just happened, or why it did not, in plain words; and what a screen
// reader says of it: a call or a change of state politely (role=status), a failure at once (role=alert).

import { state } from './store.js';
import { $ } from './views/parts.js';
import { h } from '/shared/dom.js';
import { hasText, t } from '/shared/i18n.js';

const INFO_MILLIS = 5000;

/** kind 'info' (goes away by itself) or 'error'; code is kept on the banner (data-code) for tests and styles. */
export function showMessage(kind, text, code = '') {
    const banner = $('#banner');
    clearTimeout(state.bannerTimer);
    banner.replaceChildren(h('span', { class: 'text' }, text),
        h('button', { type: 'button', class: 'dismiss', 'aria-label': t('dismiss'), onclick: clearMessage }, '×'));
    banner.className = `banner ${kind}`;
    banner.dataset.code = code;
    banner.hidden = false;
    announce(text, kind);
    if (kind === 'info') {
        state.bannerTimer = setTimeout(clearMessage, INFO_MILLIS);
    }
}

/** Says a sentence to screen readers: 'error' at once, anything else when they are done speaking. */
export function announce(text, kind = 'info') {
    const region = $(kind === 'error' ? '#announce-alert' : '#announce-status');
    // The same sentence twice in a row (a second "Nobody is waiting") must be said again: it differs by a space.
    const again = region.textContent.trim() === text && !region.textContent.endsWith('\u00a0');
    region.textContent = again ? `${text}\u00a0` : text;
}

export function clearMessage() {
    clearTimeout(state.bannerTimer);
    const banner = $('#banner');
    banner.hidden = true;
    banner.dataset.code = '';
    banner.replaceChildren();
}

/** The sentence for a refusal of the server (err.<its code>), or a generic one with its message. */
export function errorText(error) {
    if (hasText(`err.${error.code}`)) {
        return t(`err.${error.code}`, { seconds: state.reconnect.delaySeconds });
    }
    if (error.code === 'unauthorized') {
        return t('err.session_expired');
    }
    return t('err.generic', { message: error.message || error.code });
}
