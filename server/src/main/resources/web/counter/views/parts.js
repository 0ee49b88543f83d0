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

/** A command button; keys are its keyboard shortcuts (the first one is shown on the button). */
export function actionButton({ id, label, keys = [], kind = 'secondary', onClick, extra = null, disabled = false }) {
    return h('button', {
        type: 'button',
        id,
        class: `act ${kind}`,
        dataset: { keys: keys.join('|'), blocked: String(disabled) },
        title: keys.length ? t('kbd', { key: keyLabel(keys[0]) }) : null,
        disabled: state.busy || disabled,
        onclick: (event) => {
            event.currentTarget.blur();
            onClick();
        },
    }, h('span', { class: 'label' }, label), extra, keys.length ? h('kbd', {}, keyLabel(keys[0])) : null);
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
