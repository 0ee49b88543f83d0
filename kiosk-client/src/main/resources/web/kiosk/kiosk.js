// Touch UI of the kiosk, served by the kiosk client on localhost to Chromium in kiosk mode, with the shared layer
// (/shared/*) from the kiosk's own jar. It asks the local kiosk API only (GET /api/state, POST /api/tickets); the device
// token never reaches the page.
import './texts.js';
import { Api, ApiError } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { languages, setLanguage, t, textIn, translatePage } from '/shared/i18n.js';

const POLL_MILLIS = 2000;
const LOCAL_ATTEMPTS = 3;
const LOCAL_RETRY_MILLIS = 1000;

// The start screen speaks the first language registered: French.
const home = () => ({ lang: languages()[0], priority: false, path: [], screen: 'menu', result: null, failure: null, pending: null });

let view = home();
let kiosk = null;             // last answer of GET /api/state
let lastTouch = Date.now();
let resultTimer = null;
let renderedKey = '';

const api = new Api({ base: '/api' });
const $ = (id) => document.getElementById(id);

function newActionKey() {
    if (crypto.randomUUID) return 'ui-' + crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return 'ui-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function label(entry) {
    return (entry.labels && (entry.labels[view.lang] || entry.labels[languages()[0]])) || entry.id;
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
    return sentences[view.lang] || sentences[languages()[0]] || '';
}

// ---------- screens ----------

function menuScreen() {
    const { entries, title } = entriesAt(view.path);
    const buttons = entries.map((entry) => h('button', {
        type: 'button',
        class: 'entry entry-' + entry.kind,
        'data-entry': entry.id,
        lang: view.lang,
        onclick: (event) => {
            event.currentTarget.disabled = true;
            choose(entry);
        },
    },
    h('span', { class: 'entry-label' }, label(entry)),
    entry.kind === 'orientation' ? h('span', { class: 'entry-hint' }, t('orientationHint')) : null,
    entry.kind === 'menu' ? h('span', { class: 'entry-chevron', 'aria-hidden': 'true' }, '›') : null));
    const back = view.path.length > 0
        ? h('button', { type: 'button', class: 'back', id: 'back', onclick: goBack },
            h('span', { 'aria-hidden': 'true' }, '‹ '), t('back'))
        : null;
    return [
        back,
        h('p', { class: 'prompt' }, title ? t('chooseIn') : t('choose')),
        h('div', { class: 'entries' + (entries.length > 4 ? ' many' : '') }, buttons),
    ];
}

function workingScreen() {
    const slip = view.pending && view.pending.kind === 'orientation';
    return [
        h('div', { class: 'spinner', 'aria-hidden': 'true' }),
        h('p', { class: 'lead' }, t('working')),
        h('p', { class: 'sub' }, t(slip ? 'printingSlip' : 'printingTicket')),
    ];
}

function ticketScreen() {
    const ticket = view.result;
    if (!ticket.printed) {
        return [
            h('h2', { class: 'alert' }, t('notPrinted')),
            h('p', { class: 'lead' }, t('rememberNumber')),
            h('p', { class: 'number', id: 'number' }, ticket.number),
            h('p', { class: 'sub' }, ticket.serviceName),
            h('p', { class: 'where' }, whereToGo()),
            doneButton(),
        ];
    }
    const ahead = t('ahead', { count: ticket.peopleAhead });
    return [
        h('h2', { class: 'take', id: 'take-ticket' }, t('takeTicket'),
            h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ↓')),
        h('div', { class: 'ticket-card' },
            h('p', { class: 'caption' }, t('yourNumber')),
            h('p', { class: 'number', id: 'number' }, ticket.number),
            h('p', { class: 'service' }, ticket.serviceName),
            ticket.priority === 'PRIORITY' ? h('p', { class: 'badge' }, t('priorityTicket')) : null),
        h('p', { class: 'sub' }, ahead),
        waitSentence(ticket),
        h('p', { class: 'hint' }, t('watchScreen')),
        doneButton(),
    ];
}

/** No estimate from the server means that no counter serving the service is open yet: say so, promise nothing. */
function waitSentence(ticket) {
    if (ticket.estimatedWaitMinutes === null || ticket.estimatedWaitMinutes === undefined) {
        return h('p', { class: 'sub', id: 'no-counter-open' }, t('noCounterOpen'));
    }
    return ticket.peopleAhead > 0 ? h('p', { class: 'sub' }, t('estimatedWait', { m: ticket.estimatedWaitMinutes }))
        : null;
}

function orientationScreen() {
    const slip = view.result;
    return [
        h('h2', { class: 'take', id: 'take-slip' }, t('takeSlip'),
            h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ↓')),
        h('p', { class: 'sub' }, slip.matter),
        h('div', { class: 'ticket-card orientation' },
            h('p', { class: 'caption' }, t('goTo')),
            h('p', { class: 'authority' }, slip.authority),
            (slip.address || []).map((line) => h('p', { class: 'line' }, line)),
            (slip.hours || []).length ? h('p', { class: 'line' }, t('hours') + ' : ' + slip.hours.join(', ')) : null,
            slip.phone ? h('p', { class: 'line' }, t('phone') + ' : ' + slip.phone) : null,
            slip.website ? h('p', { class: 'line' }, t('website') + ' : ' + slip.website) : null),
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
        return [h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', { class: 'lead' }, t(sentence))];
    }
    return [
        h('div', { class: 'fault-icon', 'aria-hidden': 'true' }, '!'),
        h('h2', { class: 'alert', id: 'fault' }, t(sentence)),
        h('p', { class: 'where', id: 'where-to-go' }, whereToGo()),
    ];
}

/** The site issues no ticket now: why, and when it opens again, in the visitor's language and the site's time. */
function closedScreen() {
    const opening = kiosk.opening;
    const why = {
        AFTER_LAST_TICKET: 'closedAfterLastTicket',
        PUBLIC_HOLIDAY: 'closedPublicHoliday',
        CLOSURE: 'closedClosure',
    }[opening.reason] || 'closedOutsideHours';
    return [
        h('h2', { class: 'alert', id: 'closed' }, t(why)),
        opening.nextOpening ? h('p', { class: 'lead', id: 'next-opening' }, reopening(opening.nextOpening)) : null,
        // Only while the doors are still open is someone at the reception desk to turn to.
        opening.reason === 'AFTER_LAST_TICKET' ? h('p', { class: 'where', id: 'where-to-go' }, whereToGo()) : null,
    ];
}

/** {date: '2026-12-07', time: '08:30', weekday: 1, days: 3} → "Réouverture le lundi 7 décembre à 8 h 30." */
function reopening(next) {
    const [hours, minutes] = next.time.split(':');
    const time = t('clock', { h: String(Number(hours)), m: minutes });
    if (next.days === 0) return t('opensToday', { time });
    if (next.days === 1) return t('opensTomorrow', { time });
    const [, month, day] = next.date.split('-').map(Number);
    const date = t('date', { weekday: t('weekdays').split(' ')[next.weekday - 1], day,
        month: t('months').split(' ')[month - 1] });
    return t('opensOn', { date, time });
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
        h('div', { class: 'fault-icon', 'aria-hidden': 'true' }, '!'),
        h('h2', { class: 'alert', id: 'fault' }, t(sentence)),
        h('p', { class: 'where', id: 'where-to-go' }, whereToGo()),
        h('div', { class: 'actions' },
            canRetry ? h('button', { type: 'button', class: 'action', id: 'retry', onclick: () => submit() },
                t('retry')) : null,
            h('button', { type: 'button', class: 'action secondary', id: 'start-again', onclick: reset },
                t('startAgain'))),
    ];
}

function doneButton() {
    return h('button', { type: 'button', class: 'action', id: 'done', onclick: reset }, t('done'));
}

// ---------- rendering ----------

function screenName() {
    if (['working', 'ticket', 'orientation', 'failure'].includes(view.screen)) return view.screen;
    if (!kiosk) return 'fault-STARTING';
    if (!kiosk.canIssue) return 'fault-' + kiosk.reason;
    if (kiosk.opening && !kiosk.opening.issuing) return 'closed';
    return 'menu';
}

function render(force = false) {
    const name = screenName();
    const key = JSON.stringify([name, view.lang, view.priority, view.path, kiosk && kiosk.menu,
        kiosk && kiosk.screen, kiosk && kiosk.opening, view.result, view.failure]);
    if (!force && key === renderedKey) return;
    renderedKey = key;

    setLanguage(view.lang);
    translatePage($('bottom'));
    $('site-name').textContent = (kiosk && kiosk.menu && kiosk.menu.siteName) || '';
    const { title } = entriesAt(view.path);
    $('title').textContent = name === 'menu' && title ? title
        : name.startsWith('fault') || name === 'failure' || name === 'closed' ? t('noTicketTitle') : t('welcome');
    if (name === 'fault-STARTING') $('title').textContent = t('welcome');
    if (name === 'ticket') $('title').textContent = t('yourTicket');
    if (name === 'orientation') $('title').textContent = t('yourSlip');

    const chromeVisible = name === 'menu' || name.startsWith('fault') || name === 'failure' || name === 'closed';
    $('bottom').hidden = !chromeVisible;
    $('priority').hidden = name !== 'menu';
    $('priority').setAttribute('aria-pressed', String(view.priority));
    $('priority-who').textContent = view.priority ? t('priorityOn') : t('priorityWho');
    renderLanguages();

    const screen = $('screen');
    screen.dataset.screen = name;
    const content = name === 'menu' ? menuScreen()
        : name === 'working' ? workingScreen()
        : name === 'ticket' ? ticketScreen()
        : name === 'orientation' ? orientationScreen()
        : name === 'failure' ? failureScreen()
        : name === 'closed' ? closedScreen()
        : faultScreen(name.slice('fault-'.length));
    screen.replaceChildren(...content.filter((node) => node !== null));
}

function renderLanguages() {
    $('languages').replaceChildren(...languages().map((language) => h('button', {
        type: 'button',
        class: 'language',
        lang: language,
        'data-lang': language,
        'aria-pressed': String(language === view.lang),
        onclick: () => {
            view.lang = language;
            render();
        },
    }, textIn(language, 'languageName'))));
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
    const { result, failure } = await requestTicket(request);
    if (view.pending !== request) return; // the visitor left meanwhile
    if (result) {
        view.result = result;
        view.screen = result.kind === 'orientation' ? 'orientation' : 'ticket';
        clearTimeout(resultTimer);
        const seconds = (kiosk && kiosk.screen && kiosk.screen.ticketScreenSeconds) || 12;
        resultTimer = setTimeout(reset, seconds * 1000);
    } else if (failure === 'site_closed') {
        // The site stopped issuing meanwhile: the start screen becomes the closed screen once the state is read.
        view = home();
    } else {
        view.failure = failure;
        view.screen = 'failure';
    }
    lastTouch = Date.now();
    render();
    refreshState();
}

/**
 * {result} or {failure: code}, after at most LOCAL_ATTEMPTS requests. The shared client never resends by itself; this
 * request may be sent again because it carries the visitor action's key: the kiosk answers a key it has seen with the
 * same ticket, printed once.
 */
async function requestTicket(request) {
    const body = { entryId: request.entryId, priority: request.priority, language: request.language,
        key: request.key };
    let failure = null;
    for (let attempt = 1; attempt <= LOCAL_ATTEMPTS; attempt++) {
        if (attempt > 1) {
            await new Promise((resolve) => setTimeout(resolve, LOCAL_RETRY_MILLIS));
        }
        try {
            const result = await api.post('/tickets', body);
            // An empty answer holds no ticket: the kiosk's own fault, which the visitor may retry.
            return result ? { result, failure: null } : { result: null, failure: 'internal' };
        } catch (error) {
            failure = error instanceof ApiError ? error.code : 'network';
            if (!(error instanceof ApiError && error.code === 'network')) {
                break;
            }
        }
    }
    return { result: null, failure };
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
    return view.screen === 'menu' && view.path.length === 0 && view.lang === languages()[0] && !view.priority;
}

async function refreshState() {
    try {
        kiosk = await api.get('/state');
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
