// The one DOM helper of every Guichet web app: h('button', {class: 'big', onclick: f}, 'Appeler').
//
// Text always becomes text nodes, never HTML: there is no innerHTML sink anywhere in the apps, so a service name or a
// transfer note typed by someone can never turn into markup.
//
// Attributes: null, undefined and false are left out, true gives an empty attribute (hidden, disabled, open…);
// 'class' sets the class name, 'dataset' an object of data-* values, on<event> a listener (anything but a function is
// refused there); anything else an attribute.
// Children: nodes, strings and numbers, arrays of them (flattened); null, undefined and false are skipped.

export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name === 'class') {
            element.className = value;
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (name.startsWith('on')) {
            // Only ever a listener: a string here would become an inline script.
            if (typeof value === 'function') {
                element.addEventListener(name.slice(2), value);
            }
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    for (const child of children.flat(Infinity)) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

/**
 * Writes a sentence into a live region (role="status" or "alert", kept in the page even when empty) so that a screen
 * reader says it. The region is emptied first: the same sentence written twice is announced twice.
 */
export function announce(region, text) {
    region.textContent = '';
    requestAnimationFrame(() => {
        region.textContent = text;
    });
}
