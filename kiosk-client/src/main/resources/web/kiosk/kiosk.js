// Touch UI of the kiosk, served by the kiosk client on localhost to Chromium in kiosk mode.
// It asks the local kiosk API only (GET /api/state, POST /api/tickets); the device token never reaches the page.
import { LANGUAGES, t } from './i18n.js';

const POLL_MILLIS = 2000;
const LOCAL_RETRIES = 3;

const home = () => ({ lang: 'fr', priority: false, path: [], screen: 'menu', result: null, failure: null, pending: null });

let view = home();
let kiosk = null;             // last answer of GET /api/state
let lastTouch = Date.now();
let resultTimer = null;
let renderedKey = '';

const $ = (id) => document.getElementById(id);

/** Builds an element; strings become text nodes (never HTML), null children are skipped. */
function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === null || value === undefined || value === false) continue;
        if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
        else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
        if (child === null || child === undefined) continue;
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
}

function newActionKey() {
    if (crypto.randomUUID) return 'ui-' + crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return 'ui-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const say = (key, values) => t(view.lang, key, values);

function label(entry) {
    return (entry.labels && (entry.labels[view.lang] || entry.labels.fr)) || entry.id;
}

function entriesAt(path) {
    let entries = (kiosk && kiosk.menu && kiosk.menu.entries) || [];
    let title = null;
    for (const id of path) {
        const menu = entries.find((entry) => entry.id === id);
        if (!menu) return { entries: (kiosk.menu && kiosk.menu.entries) || [], title: null };
        entries = menu.children || [];
        title = label(menu);
    }
    return { entries, title };
}

function whereToGo() {
    const sentences = (kiosk && kiosk.screen && kiosk.screen.whereToGo) || {};
    return sentences[view.lang] || sentences.fr || '';
}

// ---------- screens ----------

function menuScreen() {
    const { entries, title } = entriesAt(view.path);
    const buttons = entries.map((entry) => el('button', {
        type: 'button',
        class: 'entry entry-' + entry.kind,
        'data-entry': entry.id,
        lang: view.lang,
        onclick: (event) => {
            event.currentTarget.disabled = true;
            choose(entry);
        },
    },
    el('span', { class: 'entry-label' }, label(entry)),
    entry.kind === 'orientation' ? el('span', { class: 'entry-hint' }, say('orientationHint')) : null,
    entry.kind === 'menu' ? el('span', { class: 'entry-chevron', 'aria-hidden': 'true' }, '›') : null));
    const back = view.path.length > 0
        ? el('button', { type: 'button', class: 'back', id: 'back', onclick: goBack },
            el('span', { 'aria-hidden': 'true' }, '‹ '), say('back'))
        : null;
    return [
        back,
        el('p', { class: 'prompt' }, title ? say('chooseIn') : say('choose')),
        el('div', { class: 'entries' + (entries.length > 4 ? ' many' : '') }, buttons),
    ];
}

function workingScreen() {
    const slip = view.pending && view.pending.kind === 'orientation';
    return [
        el('div', { class: 'spinner', 'aria-hidden': 'true' }),
        el('p', { class: 'lead' }, say('working')),
        el('p', { class: 'sub' }, say(slip ? 'printingSlip' : 'printingTicket')),
    ];
}

function ticketScreen() {
    const ticket = view.result;
    if (!ticket.printed) {
        return [
            el('h2', { class: 'alert' }, say('notPrinted')),
            el('p', { class: 'lead' }, say('rememberNumber')),
            el('p', { class: 'number', id: 'number' }, ticket.number),
            el('p', { class: 'sub' }, ticket.serviceName),
            el('p', { class: 'where' }, whereToGo()),
            doneButton(),
        ];
    }
    const ahead = ticket.peopleAhead === 0 ? say('nextInLine')
        : ticket.peopleAhead === 1 ? say('oneAhead') : say('manyAhead', { n: ticket.peopleAhead });
    return [
        el('h2', { class: 'take', id: 'take-ticket' }, say('takeTicket'),
            el('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ↓')),
        el('div', { class: 'ticket-card' },
            el('p', { class: 'caption' }, say('yourNumber')),
            el('p', { class: 'number', id: 'number' }, ticket.number),
            el('p', { class: 'service' }, ticket.serviceName),
            ticket.priority === 'PRIORITY' ? el('p', { class: 'badge' }, say('priorityTicket')) : null),
        el('p', { class: 'sub' }, ahead),
        ticket.estimatedWaitMinutes !== null && ticket.estimatedWaitMinutes !== undefined && ticket.peopleAhead > 0
            ? el('p', { class: 'sub' }, say('estimatedWait', { m: ticket.estimatedWaitMinutes })) : null,
        el('p', { class: 'hint' }, say('watchScreen')),
        doneButton(),
    ];
}

function orientationScreen() {
    const slip = view.result;
    return [
        el('h2', { class: 'take', id: 'take-slip' }, say('takeSlip'),
            el('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ↓')),
        el('p', { class: 'sub' }, slip.matter),
        el('div', { class: 'ticket-card orientation' },
            el('p', { class: 'caption' }, say('goTo')),
            el('p', { class: 'authority' }, slip.authority),
            (slip.address || []).map((line) => el('p', { class: 'line' }, line)),
            (slip.hours || []).length ? el('p', { class: 'line' }, say('hours') + ' : ' + slip.hours.join(', ')) : null,
            slip.phone ? el('p', { class: 'line' }, say('phone') + ' : ' + slip.phone) : null,
            slip.website ? el('p', { class: 'line' }, say('website') + ' : ' + slip.website) : null),
        doneButton(),
    ];
}

function faultScreen(reason) {
    const sentence = {
        PRINTER: 'printerFault',
        SERVER: 'serverFault',
        NOT_REGISTERED: 'notRegistered',
        STARTING: 'starting',
    }[reason] || 'genericError';
    if (reason === 'STARTING') {
        return [el('div', { class: 'spinner', 'aria-hidden': 'true' }), el('p', { class: 'lead' }, say(sentence))];
    }
    return [
        el('div', { class: 'fault-icon', 'aria-hidden': 'true' }, '!'),
        el('h2', { class: 'alert', id: 'fault' }, say(sentence)),
        el('p', { class: 'where', id: 'where-to-go' }, whereToGo()),
    ];
}

function failureScreen() {
    const sentence = {
        printer_unavailable: 'printerFault',
        server_unreachable: 'serverFault',
        not_registered: 'notRegistered',
        starting: 'starting',
        service_unavailable: 'serviceUnavailable',
    }[view.failure] || 'genericError';
    const canRetry = ['server_unreachable', 'starting', 'network', 'internal'].includes(view.failure);
    return [
        el('div', { class: 'fault-icon', 'aria-hidden': 'true' }, '!'),
        el('h2', { class: 'alert', id: 'fault' }, say(sentence)),
        el('p', { class: 'where', id: 'where-to-go' }, whereToGo()),
        el('div', { class: 'actions' },
            canRetry ? el('button', { type: 'button', class: 'action', id: 'retry', onclick: () => submit() },
                say('retry')) : null,
            el('button', { type: 'button', class: 'action secondary', id: 'start-again', onclick: reset },
                say('startAgain'))),
    ];
}

function doneButton() {
    return el('button', { type: 'button', class: 'action', id: 'done', onclick: reset }, say('done'));
}

// ---------- rendering ----------

function screenName() {
    if (['working', 'ticket', 'orientation', 'failure'].includes(view.screen)) return view.screen;
    if (!kiosk) return 'fault-STARTING';
    if (!kiosk.canIssue) return 'fault-' + kiosk.reason;
    return 'menu';
}

function render(force = false) {
    const name = screenName();
    const key = JSON.stringify([name, view.lang, view.priority, view.path, kiosk && kiosk.menu,
        kiosk && kiosk.screen, view.result, view.failure]);
    if (!force && key === renderedKey) return;
    renderedKey = key;

    document.documentElement.lang = view.lang;
    $('site-name').textContent = (kiosk && kiosk.menu && kiosk.menu.siteName) || '';
    const { title } = entriesAt(view.path);
    $('title').textContent = name === 'menu' && title ? title
        : name.startsWith('fault') || name === 'failure' ? say('noTicketTitle') : say('welcome');
    if (name === 'fault-STARTING') $('title').textContent = say('welcome');

    const chromeVisible = name === 'menu' || name.startsWith('fault') || name === 'failure';
    $('bottom').hidden = !chromeVisible;
    $('priority').hidden = name !== 'menu';
    $('priority').setAttribute('aria-pressed', String(view.priority));
    $('priority-title').textContent = say('priorityTitle');
    $('priority-who').textContent = view.priority ? say('priorityOn') : say('priorityWho');
    renderLanguages();

    const screen = $('screen');
    screen.dataset.screen = name;
    const content = name === 'menu' ? menuScreen()
        : name === 'working' ? workingScreen()
        : name === 'ticket' ? ticketScreen()
        : name === 'orientation' ? orientationScreen()
        : name === 'failure' ? failureScreen()
        : faultScreen(name.slice('fault-'.length));
    screen.replaceChildren(...content.filter((node) => node !== null));
}

function renderLanguages() {
    const nav = $('languages');
    nav.setAttribute('aria-label', say('languageLabel'));
    nav.replaceChildren(...LANGUAGES.map((language) => el('button', {
        type: 'button',
        class: 'language',
        lang: language.code,
        'data-lang': language.code,
        'aria-pressed': String(language.code === view.lang),
        onclick: () => {
            view.lang = language.code;
            render();
        },
    }, language.name)));
}

// ---------- actions ----------

function choose(entry) {
    if (entry.kind === 'menu') {
        view.path = [...view.path, entry.id];
        render();
        return;
    }
    view.pending = {
        entryId: entry.id,
        kind: entry.kind,
        priority: view.priority ? 'PRIORITY' : 'NORMAL',
        language: view.lang,
        key: newActionKey(), // one key per visitor action, reused by every retry of that action
    };
    submit();
}

async function submit() {
    const request = view.pending;
    if (!request) return reset();
    view.screen = 'working';
    view.failure = null;
    render();
    let response = null;
    let body = null;
    for (let attempt = 1; attempt <= LOCAL_RETRIES && response === null; attempt++) {
        try {
            const answer = await fetch('/api/tickets', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ entryId: request.entryId, priority: request.priority,
                    language: request.language, key: request.key }),
            });
            body = await answer.json();
            response = answer;
        } catch (error) {
            await new Promise((resolve) => setTimeout(resolve, 1000));
        }
    }
    if (view.pending !== request) return; // the visitor left meanwhile
    if (response && response.ok) {
        view.result = body;
        view.screen = body.kind === 'orientation' ? 'orientation' : 'ticket';
        clearTimeout(resultTimer);
        const seconds = (kiosk && kiosk.screen && kiosk.screen.ticketScreenSeconds) || 12;
        resultTimer = setTimeout(reset, seconds * 1000);
    } else {
        view.failure = body && body.error ? body.error : 'network';
        view.screen = 'failure';
    }
    lastTouch = Date.now();
    render();
    refreshState();
}

function goBack() {
    view.path = view.path.slice(0, -1);
    render();
}

function reset() {
    clearTimeout(resultTimer);
    view = home();
    render(true);
}

function atHome() {
    return view.screen === 'menu' && view.path.length === 0 && view.lang === 'fr' && !view.priority;
}

async function refreshState() {
    try {
        const answer = await fetch('/api/state', { cache: 'no-store' });
        kiosk = await answer.json();
    } catch (error) {
        kiosk = null; // the kiosk client is restarting: show "starting" until it answers
    }
    render();
}

function setUp() {
    $('priority').addEventListener('click', () => {
        view.priority = !view.priority;
        render();
    });
    for (const type of ['pointerdown', 'keydown', 'touchstart']) {
        document.addEventListener(type, () => { lastTouch = Date.now(); }, { passive: true });
    }
    document.addEventListener('contextmenu', (event) => event.preventDefault());
    setInterval(() => {
        const idleSeconds = (kiosk && kiosk.screen && kiosk.screen.idleSeconds) || 30;
        if (view.screen !== 'working' && !atHome() && Date.now() - lastTouch > idleSeconds * 1000) reset();
    }, 1000);
    setInterval(refreshState, POLL_MILLIS);
    render(true);
    refreshState();
}

setUp();
