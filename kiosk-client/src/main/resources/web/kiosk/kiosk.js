// Touch UI of the kiosk, served by the kiosk client on localhost to Chromium in kiosk mode, with the shared layer
// (/shared/*) from the kiosk's own jar. It asks the local kiosk API only (GET /api/state, POST /api/tickets); the device
// token never reaches the page.
import './texts.js';
import { Api, ApiError } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { hasText, languages, setLanguage, t, textIn, translatePage } from '/shared/i18n.js';
import { asSentences, spellNumber, Voice } from './speech.js';

const POLL_MILLIS = 2000;
/** The letters and digits of appointment codes (none that reads as another): the keypad's keys. */
const CODE_KEYS = 'ACDEFGHJKMNPQRTUVWXY34679';
const CODE_LENGTH = 6;
const LOCAL_ATTEMPTS = 3;
const LOCAL_RETRY_MILLIS = 1000;

// The start screen speaks the first language registered: French, in the usual (not the accessible) mode.
const home = () => ({ lang: languages()[0], priority: false, path: [], screen: 'menu', result: null, failure: null,
    pending: null, accessible: false, largePrint: true, code: '' });

let view = home();
let kiosk = null;             // last answer of GET /api/state
let lastTouch = Date.now();
let resultTimer = null;
let renderedKey = '';

const api = new Api({ base: '/api' });
const voice = new Voice();
const $ = (id) => document.getElementById(id);

/** A text in the visitor's language; in the accessible mode its easy-to-read wording (key + 'Easy') when it has one. */
function w(key, params) {
    return view.accessible && hasText(key + 'Easy') ? t(key + 'Easy', params) : t(key, params);
}

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
    entry.kind === 'orientation' ? h('span', { class: 'entry-hint' }, w('orientationHint')) : null,
    entry.kind === 'menu' ? h('span', { class: 'entry-chevron', 'aria-hidden': 'true' }, '›') : null));
    const back = view.path.length > 0
        ? h('button', { type: 'button', class: 'back', id: 'back', onclick: goBack },
            h('span', { 'aria-hidden': 'true' }, '‹ '), w('back'))
        : null;
    return {
        info: [
            h('p', { class: 'prompt', id: 'prompt' }, title ? w('chooseIn') : w('choose')),
            view.accessible ? h('p', { class: 'sub', id: 'prompt-hint' }, w('chooseHint')) : null,
        ],
        controls: [
            back,
            h('div', { class: 'entries' + (entries.length > 4 ? ' many' : '') }, buttons),
            // Side by side under the motives, so that they fit in the lower half of a landscape screen too.
            view.path.length === 0 ? h('div', { class: 'menu-extras' }, appointmentButton(),
                h('button', { type: 'button', class: 'privacy-open', id: 'privacy-open',
                    onclick: () => { view.screen = 'privacy'; render(); } }, w('privacyOpen'))) : null,
        ],
    };
}

/**
 * What becomes of the visitor's data, in their language: the few facts that matter at a kiosk, and where the whole
 * notice is (the address, to open on a phone; the ticket's own page links it too). A touch screen has no keyboard,
 * so the notice is shown here rather than opened in a browser the visitor could not leave.
 */
function privacyScreen() {
    const address = kiosk && kiosk.privacyUrl;
    return {
        info: [
            h('h2', { class: 'privacy-title', id: 'privacy-title' }, w('privacyTitle')),
            h('ul', { class: 'privacy-facts', id: 'privacy-facts' },
                h('li', {}, w('privacyNoName')),
                h('li', {}, w('privacyWhy')),
                h('li', {}, w('privacyLink')),
                h('li', {}, w('privacyKept'))),
            h('p', { class: 'sub' }, w('privacyRights')),
            address ? h('p', { class: 'privacy-address', id: 'privacy-address' }, w('privacyMore'), ' ',
                h('span', { class: 'address', lang: 'zxx' }, address)) : null,
        ],
        controls: [h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'action', id: 'privacy-close',
                onclick: () => { view.screen = 'menu'; render(); } }, w('back')))],
    };
}

/**
 * The appointment's code: typed on the keypad, or read by a scanner (which types it into the field and presses
 * Enter). Letters and digits only; six of them.
 */
function appointmentScreen() {
    // inputmode none: the keypad is the screen's keyboard; the system's must not cover it.
    const field = h('input', { id: 'appointment-code', class: 'code-field', value: view.code, maxlength: '12',
        autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', inputmode: 'none',
        'aria-label': w('appointmentCode'),
        oninput: (event) => { view.code = cleanCode(event.target.value); },
        onkeydown: (event) => {
            if (event.key === 'Enter') {
                view.code = cleanCode(event.target.value);
                checkIn();
            }
        } });
    const key = (label, id, onclick, extra = '') => h('button', { type: 'button', class: 'key' + extra, id, onclick },
        label);
    return {
        info: [
            h('p', { class: 'prompt', id: 'appointment-prompt' }, w('appointmentPrompt')),
            field,
        ],
        controls: [
            h('div', { class: 'keypad', role: 'group', 'aria-label': w('appointmentCode') },
                ...CODE_KEYS.split('').map((letter) => key(letter, `key-${letter}`, () => typeKey(letter)))),
            h('div', { class: 'actions' },
                key(w('appointmentErase'), 'key-erase', () => typeKey(null), ' action secondary'),
                h('button', { type: 'button', class: 'action secondary', id: 'appointment-find', onclick: () => find() },
                    w('appointmentLost')),
                h('button', { type: 'button', class: 'action', id: 'appointment-submit', onclick: checkIn },
                    w('appointmentSubmit')),
                h('button', { type: 'button', class: 'action secondary', id: 'appointment-back', onclick: reset },
                    w('back'))),
        ],
    };
}

/**
 * A visitor who lost their code finds their appointment: the service, then its time among those they may check in
 * for now (each said by its time and the first letter of the name given, no more).
 */
async function find(serviceId = null) {
    view.screen = 'appointment-find';
    view.found = null;
    view.foundService = serviceId;
    render();
    const shown = view;
    let found;
    try {
        found = (await api.get('/appointments' + (serviceId ? `?serviceId=${encodeURIComponent(serviceId)}` : '')))
            .appointments;
    } catch (error) {
        found = [];
    }
    if (view !== shown || view.screen !== 'appointment-find') return;
    view.found = found;
    render(true);
}

function findScreen() {
    if (view.found === null) {
        return { info: [h('div', { class: 'spinner', 'aria-hidden': 'true' })], controls: [] };
    }
    const choosingService = !view.foundService;
    const choices = choosingService
        ? view.found.map((service) => h('button', { type: 'button', class: 'entry', 'data-service': service.id,
            onclick: () => find(service.id) }, (service.translations && service.translations[view.lang])
            || service.name))
        : view.found.map((appointment) => h('button', { type: 'button', class: 'entry', id: `pick-${appointment.id}`,
            onclick: () => checkInPicked(appointment.id) },
        [clockText(appointment.startsAt), appointment.initial].filter(Boolean).join(' · ')));
    return {
        info: [h('p', { class: 'prompt', id: 'find-prompt' }, w(choices.length === 0 ? 'appointmentFindNone'
            : choosingService ? 'appointmentFindService' : 'appointmentFindTime'))],
        controls: [
            h('div', { class: 'entries' }, choices),
            h('div', { class: 'actions' }, h('button', { type: 'button', class: 'action secondary', id: 'find-back',
                onclick: reset }, w('back'))),
        ],
    };
}

/** "10:00", in the kiosk's own time (it stands in the site). */
function clockText(instant) {
    const date = new Date(instant);
    return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function checkInPicked(appointmentId) {
    view.pending = { kind: 'check-in', appointmentId, language: view.lang === languages()[0] ? null : view.lang,
        largePrint: view.accessible && view.largePrint, key: newActionKey() };
    submit();
}

function cleanCode(text) {
    return text.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 12);
}

/** A key of the keypad: one more letter, or (null) the last one erased. */
function typeKey(letter) {
    view.code = letter === null ? view.code.slice(0, -1) : (view.code + letter).slice(0, CODE_LENGTH);
    const field = $('appointment-code');
    if (field) {
        field.value = view.code;
    }
}

function checkIn() {
    if (view.code.length < CODE_LENGTH) {
        $('appointment-prompt').textContent = w('appointmentShort');
        return;
    }
    // The ticket in the language the visitor booked in, unless they chose another one here.
    view.pending = { kind: 'check-in', code: view.code, language: view.lang === languages()[0] ? null : view.lang,
        largePrint: view.accessible && view.largePrint, key: newActionKey() };
    submit();
}

function workingScreen() {
    const slip = view.pending && view.pending.kind === 'orientation';
    return {
        info: [
            h('div', { class: 'spinner', 'aria-hidden': 'true' }),
            h('p', { class: 'lead' }, w('working')),
            h('p', { class: 'sub' }, w(slip ? 'printingSlip' : 'printingTicket')),
        ],
        controls: [],
    };
}

function ticketScreen() {
    const ticket = view.result;
    if (!ticket.printed) {
        return {
            info: [
                h('h2', { class: 'alert' }, w('notPrinted')),
                h('p', { class: 'lead' }, w('rememberNumber')),
                h('p', { class: 'number', id: 'number', 'aria-label': spellNumber(ticket.number) }, ticket.number),
                h('p', { class: 'sub' }, ticket.serviceName),
                h('p', { class: 'where' }, whereToGo()),
            ],
            controls: [doneButton()],
        };
    }
    return {
        info: [
            h('h2', { class: 'take', id: 'take-ticket' }, w('takeTicket'),
                h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ↓')),
            h('div', { class: 'ticket-card' },
                h('p', { class: 'caption' }, w('yourNumber')),
                h('p', { class: 'number', id: 'number', 'aria-label': spellNumber(ticket.number) }, ticket.number),
                h('p', { class: 'service' }, ticket.serviceName),
                ticket.priority === 'PRIORITY' ? h('p', { class: 'badge' }, w('priorityTicket')) : null),
            h('p', { class: 'sub' }, w('ahead', { count: ticket.peopleAhead })),
            waitSentence(ticket),
            whereToWait(ticket),
            h('p', { class: 'hint' }, w('watchScreen')),
        ],
        controls: [doneButton()],
    };
}

/** The room, building and floor, and the way there, as the ticket prints them; nothing when the site says none. */
function whereToWait(ticket) {
    const [place, directions] = ticket.where || [];
    return place ? h('p', { class: 'sub wait-in', id: 'wait-in' }, `${w('waitIn')} `, h('strong', {}, place),
        directions ? `. ${directions}` : '') : null;
}

/** No estimate from the server means that no counter serving the service is open yet: say so, promise nothing. */
function waitSentence(ticket) {
    if (ticket.estimatedWaitMinutes === null || ticket.estimatedWaitMinutes === undefined) {
        return h('p', { class: 'sub', id: 'no-counter-open' }, w('noCounterOpen'));
    }
    return ticket.peopleAhead > 0 ? h('p', { class: 'sub' }, w('estimatedWait', { m: ticket.estimatedWaitMinutes }))
        : null;
}

function orientationScreen() {
    const slip = view.result;
    return {
        info: [
            h('h2', { class: 'take', id: 'take-slip' }, w('takeSlip'),
                h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ↓')),
            h('p', { class: 'sub' }, slip.matter),
            h('div', { class: 'ticket-card orientation' },
                h('p', { class: 'caption' }, w('goTo')),
                h('p', { class: 'authority' }, slip.authority),
                (slip.address || []).map((line) => h('p', { class: 'line' }, line)),
                (slip.hours || []).length ? h('p', { class: 'line' }, t('hours') + ' : ' + slip.hours.join(', '))
                    : null,
                slip.phone ? h('p', { class: 'line' }, t('phone') + ' : ' + slip.phone) : null,
                slip.website ? h('p', { class: 'line' }, t('website') + ' : ' + slip.website) : null),
        ],
        controls: [doneButton()],
    };
}

function faultScreen(reason) {
    const sentence = {
        PRINTER: 'printerFault',
        SERVER: 'serverFault',
        NOT_REGISTERED: 'notRegistered',
        STARTING: 'starting',
    }[reason] || 'genericError';
    if (reason === 'STARTING') {
        return { info: [h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', { class: 'lead' }, w(sentence))],
            controls: [] };
    }
    return {
        info: [
            h('div', { class: 'fault-icon', 'aria-hidden': 'true' }, '!'),
            h('h2', { class: 'alert', id: 'fault' }, w(sentence)),
            h('p', { class: 'where', id: 'where-to-go' }, whereToGo()),
        ],
        controls: [],
    };
}

/** Visitors with an appointment check in whenever the kiosk is up, even once it issues no ordinary ticket. */
function appointmentButton() {
    return h('button', { type: 'button', class: 'appointment-open', id: 'appointment-open',
        onclick: () => { view.screen = 'appointment'; view.code = ''; render(); } }, w('appointmentOpen'));
}

/** The site issues no ticket now: why, and when it opens again, in the visitor's language and the site's time. */
function closedScreen() {
    const opening = kiosk.opening;
    const why = {
        AFTER_LAST_TICKET: 'closedAfterLastTicket',
        PUBLIC_HOLIDAY: 'closedPublicHoliday',
        CLOSURE: 'closedClosure',
    }[opening.reason] || 'closedOutsideHours';
    return {
        info: [
            h('h2', { class: 'alert', id: 'closed' }, w(why)),
            opening.nextOpening ? h('p', { class: 'lead', id: 'next-opening' }, reopening(opening.nextOpening)) : null,
            // Only while the doors are still open is someone at the reception desk to turn to.
            opening.reason === 'AFTER_LAST_TICKET' ? h('p', { class: 'where', id: 'where-to-go' }, whereToGo()) : null,
        ],
        controls: [appointmentButton()],
    };
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
        busy: 'busy',
        appointment_unknown: 'appointmentUnknown',
        appointment_too_early: 'appointmentTooEarly',
        appointment_missed: 'appointmentMissed',
    }[view.failure] || 'genericError';
    const again = view.failure === 'appointment_unknown';
    const canRetry = ['server_unreachable', 'starting', 'network', 'internal', 'busy'].includes(view.failure);
    return {
        info: [
            h('div', { class: 'fault-icon', 'aria-hidden': 'true' }, '!'),
            h('h2', { class: 'alert', id: 'fault' }, w(sentence)),
            h('p', { class: 'where', id: 'where-to-go' }, whereToGo()),
        ],
        controls: [
            h('div', { class: 'actions' },
                canRetry ? h('button', { type: 'button', class: 'action', id: 'retry', onclick: () => submit() },
                    w('retry')) : null,
                again ? h('button', { type: 'button', class: 'action', id: 'code-again',
                    onclick: () => { view.screen = 'appointment'; view.code = ''; render(); } },
                w('appointmentAgain')) : null,
                h('button', { type: 'button', class: 'action secondary', id: 'start-again', onclick: reset },
                    w('startAgain'))),
        ],
    };
}

function doneButton() {
    return h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'action', id: 'done', onclick: reset }, w('done')));
}

// ---------- rendering ----------

function screenName() {
    if (['working', 'ticket', 'orientation', 'failure', 'privacy'].includes(view.screen)) return view.screen;
    if (view.screen === 'appointment' && kiosk && kiosk.canIssue) return 'appointment';
    if (view.screen === 'appointment-find' && kiosk && kiosk.canIssue) return 'appointment-find';
    if (!kiosk) return 'fault-STARTING';
    if (!kiosk.canIssue) return 'fault-' + kiosk.reason;
    if (kiosk.opening && !kiosk.opening.issuing) return 'closed';
    return 'menu';
}

function render(force = false) {
    const name = screenName();
    const key = JSON.stringify([name, view.lang, view.priority, view.path, view.accessible, view.largePrint,
        kiosk && kiosk.menu, kiosk && kiosk.screen, kiosk && kiosk.opening, view.result, view.failure]);
    if (!force && key === renderedKey) return;
    renderedKey = key;

    setLanguage(view.lang);
    document.documentElement.classList.toggle('accessible', view.accessible);
    translatePage($('bottom'));
    $('site-name').textContent = (kiosk && kiosk.menu && kiosk.menu.siteName) || '';
    const { title } = entriesAt(view.path);
    $('title').textContent = name === 'menu' && title ? title
        : name.startsWith('fault') || name === 'failure' || name === 'closed' ? t('noTicketTitle') : t('welcome');
    if (name === 'fault-STARTING') $('title').textContent = t('welcome');
    if (name === 'ticket') $('title').textContent = t('yourTicket');
    if (name === 'orientation') $('title').textContent = t('yourSlip');
    if (name === 'privacy') $('title').textContent = t('privacyTitle');
    if (name === 'appointment' || name === 'appointment-find') $('title').textContent = t('appointmentTitle');

    const chromeVisible = name === 'menu' || name.startsWith('fault') || name === 'failure' || name === 'closed';
    $('priority').hidden = name !== 'menu';
    $('priority').setAttribute('aria-pressed', String(view.priority));
    $('priority-who').textContent = view.priority ? t('priorityOn') : t('priorityWho');
    $('large-print').hidden = !(view.accessible && name === 'menu');
    $('large-print').setAttribute('aria-pressed', String(view.largePrint));
    $('languages').hidden = !chromeVisible;
    renderLanguages();
    // One tap away on every screen but while a ticket is printed.
    $('accessible').hidden = name === 'working';
    $('accessible').setAttribute('aria-pressed', String(view.accessible));
    $('accessible-title').textContent = t(view.accessible ? 'accessibleLeave' : 'accessibleTitle');
    $('accessible-what').textContent = t(view.accessible ? 'accessibleLeaveWhat' : 'accessibleWhat');

    const screen = $('screen');
    screen.dataset.screen = name;
    $('reach').dataset.screen = name;
    const content = name === 'menu' ? menuScreen()
        : name === 'working' ? workingScreen()
        : name === 'ticket' ? ticketScreen()
        : name === 'orientation' ? orientationScreen()
        : name === 'failure' ? failureScreen()
        : name === 'privacy' ? privacyScreen()
        : name === 'appointment' ? appointmentScreen()
        : name === 'appointment-find' ? findScreen()
        : name === 'closed' ? closedScreen()
        : faultScreen(name.slice('fault-'.length));
    screen.replaceChildren(...content.info.filter((node) => node !== null));
    $('controls').replaceChildren(...content.controls.filter((node) => node !== null));
    if (name === 'appointment') {
        $('appointment-code').focus(); // a scanner types where the focus is
    }
    if (view.accessible) {
        sayScreen();
    }
}

// ---------- accessible mode: large text, everything within reach, spoken guidance, the physical buttons ----------

/** What can be chosen now, in screen order: the screen's choices, then the bar's (priority, languages, mode). */
function targets() {
    return [...document.querySelectorAll('#reach button')]
        .filter((button) => !button.disabled && button.offsetParent !== null);
}

/** The text a screen reader would read in an element: what is shown, without the pictograms (aria-hidden). */
function readableText(element) {
    const parts = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const parent = walker.currentNode.parentElement;
        if (!parent.closest('[aria-hidden="true"]') && parent.getClientRects().length > 0) {
            parts.push(walker.currentNode.textContent);
        }
    }
    return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** A control said as the visitor hears it: its name, and whether it is on for a switch. */
function spokenLabel(button) {
    const text = button.getAttribute('aria-label') || readableText(button);
    const pressed = button.getAttribute('aria-pressed');
    if (pressed === null || button.closest('#languages')) return text;
    return text + '. ' + t(pressed === 'true' ? 'switchOn' : 'switchOff');
}

/** The screen's title and what it says, then how to choose: what a visitor who cannot read it needs first. */
function sayScreen() {
    const lines = [$('title').textContent];
    for (const node of $('screen').children) {
        const text = node.innerText.replace(/[↓›‹]/g, '');
        lines.push(node.id === 'number' || node.querySelector('#number')
            ? text.replace(view.result.number, spellNumber(view.result.number)) : text);
    }
    // The privacy notice's button is not one of the choices the visitor came for.
    const choices = document.querySelectorAll('#controls button:not(#privacy-open):not(#appointment-open)').length;
    if (choices > 0 && screenName() === 'menu') lines.push(t('choiceCount', { count: choices }));
    if (hasScreenButtons()) lines.push(t('buttonsHowTo'));
    voice.say(asSentences(lines), view.lang);
}

function hasScreenButtons() {
    const buttons = (kiosk && kiosk.screen && kiosk.screen.buttons) || [];
    return buttons.includes('next') && buttons.includes('select');
}

function enterAccessibleMode() {
    view.accessible = true;
    view.largePrint = true;
    lastTouch = Date.now();
    render(true);
}

function leaveAccessibleMode() {
    voice.stop();
    view.accessible = false;
    render(true);
}

/** The next choice, from the one the visitor is on (the first one at first); focusing it says it. */
function moveToNextChoice() {
    const choices = targets();
    if (choices.length === 0) return;
    const at = choices.indexOf(document.activeElement);
    choices[(at + 1) % choices.length].focus();
}

/** A press of a physical screen button (GET /api/buttons): accessible, next or select. */
function onScreenButton(button) {
    lastTouch = Date.now();
    if (!view.accessible) {
        // Whoever reaches for the buttons is guided by voice from the first press.
        enterAccessibleMode();
        return;
    }
    if (button === 'accessible') {
        sayScreen();
    } else if (button === 'next') {
        moveToNextChoice();
    } else if (button === 'select') {
        const current = document.activeElement;
        if (targets().includes(current)) {
            current.click();
        } else {
            moveToNextChoice();
        }
    }
}

function listenToScreenButtons() {
    if (typeof EventSource === 'undefined') return;
    const presses = new EventSource('/api/buttons');
    presses.onmessage = (event) => onScreenButton(event.data);
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
        largePrint: view.accessible && view.largePrint,
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
    const checkingIn = request.kind === 'check-in';
    const body = checkingIn ? { code: request.code, appointmentId: request.appointmentId,
        language: request.language ?? undefined, key: request.key, largePrint: request.largePrint }
        : { entryId: request.entryId, priority: request.priority, language: request.language,
            key: request.key, largePrint: request.largePrint };
    let failure = null;
    for (let attempt = 1; attempt <= LOCAL_ATTEMPTS; attempt++) {
        if (attempt > 1) {
            await new Promise((resolve) => setTimeout(resolve, LOCAL_RETRY_MILLIS));
        }
        try {
            const result = await api.post(checkingIn ? '/check-in' : '/tickets', body);
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

function sayChoice(button) {
    if (view.accessible) voice.say(spokenLabel(button), view.lang);
}

/** Back to the start screen, in French and the usual mode: after a ticket, "Terminer", or the idle time. */
function reset() {
    clearTimeout(resultTimer);
    if (view.accessible) voice.stop();
    view = home();
    render(true);
}

function atHome() {
    return view.screen === 'menu' && view.path.length === 0 && view.lang === languages()[0] && !view.priority
        && !view.accessible;
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
        sayChoice($('priority'));
    });
    $('large-print').addEventListener('click', () => {
        view.largePrint = !view.largePrint;
        render();
        sayChoice($('large-print'));
    });
    $('accessible').addEventListener('click', () => {
        if (view.accessible) leaveAccessibleMode();
        else enterAccessibleMode();
    });
    // In the accessible mode each choice is said as the visitor moves to it (physical buttons, keyboard).
    document.addEventListener('focusin', (event) => {
        if (view.accessible && event.target.matches('#reach button')) sayChoice(event.target);
    });
    for (const type of ['pointerdown', 'keydown', 'touchstart']) {
        document.addEventListener(type, () => { lastTouch = Date.now(); }, { passive: true });
    }
    document.addEventListener('contextmenu', (event) => event.preventDefault());
    // A scanner types the code and Enter wherever the focus is (on a key of the keypad, say): into the code.
    document.addEventListener('keydown', (event) => {
        if (view.screen !== 'appointment' || event.target.id === 'appointment-code') return;
        if (/^[a-zA-Z0-9]$/.test(event.key)) {
            event.preventDefault();
            typeKey(event.key.toUpperCase());
        } else if (event.key === 'Enter' && view.code.length >= CODE_LENGTH) {
            event.preventDefault();
            checkIn();
        }
    });
    setInterval(() => {
        const idleSeconds = (kiosk && kiosk.screen && kiosk.screen.idleSeconds) || 30;
        if (view.screen !== 'working' && !atHome() && Date.now() - lastTouch > idleSeconds * 1000) reset();
    }, 1000);
    setInterval(refreshState, POLL_MILLIS);
    listenToScreenButtons();
    render(true);
    refreshState();
}

setUp();
