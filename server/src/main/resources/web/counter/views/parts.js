// Pieces several views draw with: command buttons, priority badges, times of day, and redrawing only what changed.

import { currentSite, state } from '../store.js';
import { h } from '/shared/dom.js';
import { formatClock, language, t } from '/shared/i18n.js';

export const $ = selector => document.querySelector(selector);

/**
 * Whether a section must be redrawn: only when what it shows has changed, so that a live update never swaps a button
 * from under a finger that is about to tap it.
 */
export function changed(section, ...content) {
    const signature = JSON.stringify([language(), ...content]);
    if (state.drawn.get(section) === signature) {
        return false;
    }
    state.drawn.set(section, signature);
    return true;
}

function keyLabel(key) {
    return key === ' ' ? t('key.space') : key.toUpperCase();
}

/** The name aria-keyshortcuts gives a key ("Space", "N"). */
function ariaKey(key) {
    return key === ' ' ? 'Space' : key.toUpperCase();
}

/**
 * A command button; keys are its keyboard shortcuts (the first one is shown on the button, all are declared to
 * assistive technologies). ariaLabel: a fuller name than the label, when the label alone is ambiguous.
 */
export function actionButton({ id, label, keys = [], kind = 'secondary', onClick, extra = null, disabled = false,
    ariaLabel = null }) {
    return h('button', {
        type: 'button',
        id,
        class: `act ${kind}`,
        dataset: { keys: keys.join('|'), blocked: String(disabled) },
        title: keys.length ? t('kbd', { key: keyLabel(keys[0]) }) : null,
        'aria-label': ariaLabel,
        'aria-keyshortcuts': keys.length ? keys.map(ariaKey).join(' ') : null,
        disabled: state.busy || disabled,
        onclick: (event) => {
            // A tap leaves no focus behind (a later Space would press this button again); a key press keeps it.
            if (event.detail > 0) {
                event.currentTarget.blur();
            }
            onClick();
        },
    }, h('span', { class: 'label' }, label), extra,
    keys.length ? h('kbd', { 'aria-hidden': 'true' }, keyLabel(keys[0])) : null);
}

export function priorityBadge(priority) {
    if (!priority || priority === 'NORMAL') {
        return null;
    }
    return h('span', { class: `badge priority-${priority.toLowerCase()}` },
        priority === 'PRIORITY' ? '♿ ' : '', t(`priority.${priority}`));
}

/** A time of day in the counter's site's time zone. */
export function clockTime(iso) {
    return formatClock(iso, currentSite()?.timeZone);
}
