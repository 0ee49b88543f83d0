// Keyboard shortcuts for PC counters: a key presses the command button that shows it (see actionButton()), so a
// shortcut can do nothing a tap could not. Nothing happens while typing in a field or while a dialog is open, and
// Space or Enter on a focused control presses that control, not a shortcut.

import { state } from './store.js';

export function setUpShortcuts() {
    document.addEventListener('keydown', onKey);
    // Whether focus should follow the commands (see focusFirstAction): only for an agent at the keyboard.
    document.addEventListener('keydown', () => { state.keyboardUsed = true; }, true);
    document.addEventListener('pointerdown', () => { state.keyboardUsed = false; }, true);
}

function onKey(event) {
    if (state.view !== 'counter' || event.ctrlKey || event.altKey || event.metaKey
        || document.querySelector('dialog[open]')) {
        return;
    }
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
        || target instanceof HTMLSelectElement) {
        return;
    }
    const pressesFocused = (event.key === ' ' || event.key === 'Enter')
        && target instanceof Element && target.closest('button, summary, a[href]');
    if (pressesFocused) {
        return;
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const button = [...document.querySelectorAll('#actions button.act')]
        .find(candidate => candidate.dataset.keys.split('|').includes(key));
    if (!button) {
        return;
    }
    event.preventDefault(); // Space must not also press a focused button or scroll the page
    if (!event.repeat && !button.disabled) {
        button.click();
    }
}
