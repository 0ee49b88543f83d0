// What the waiting-room screen and the counter-top screen share: the device token kept in this browser, who the screen
// is, the live connection (re-read over REST after every reconnection, then listen), the heartbeat, the clock, the
// flash of a new call, plain-sentence notices for whoever installs the screen, and the move to another server node
// when the one that served the page is gone (failover.js).

import { Api, ApiError } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { EventBus } from '/shared/eventbus.js';
import { chooseLanguage, formatClock, setLanguage, textIn, translatePage } from '/shared/i18n.js';
import { watchNodes } from './failover.js';
import './texts.js';

/** Where each kind of screen keeps its settings (token, language, message) in this browser. */
export const STORAGE_KEYS = { screen: 'guichet.display', counter_screen: 'guichet.counterScreen' };

/** The settings a screen keeps in this browser, given once in the address (or its fragment, from another node). */
const SETTING_NAMES = ['token', 'lang', 'message', 'deaf', 'hold'];
const HEARTBEAT_MILLIS = 30000;
const RETRY_MILLIS = 5000;
const FLASH_MILLIS = 5000;

/**
 * Runs a screen page:
 *   page        its address ('/display/'), for the notices
 *   storageKey  where its settings are kept in this browser
 *   kind        the device kind it must be registered as ('screen' or 'counter_screen')
 *   channel     me → the event-bus address it listens to (null when the registration lacks it)
 *   notice      {key, otherKind, otherPage}: the notice shown to a token of another kind ('setup.<key>.*'), which
 *               names the other page to a token of otherKind
 *   state       the page's state object: connection and syncs are kept there (tests read them)
 *   rendered()  after the language is set (at start, then in the screen's registered language)
 *   identified({me, api, settings})  once, after the server said who the screen is
 *   load({me, api, settings})        after every (re)connection: the current state over REST
 *   onMessage(body)                  each live message (but {type: 'catalog'}: the set-up of the screen's site changed,
 *                                    and the state is read again with load())
 *   timeZone()                       the site's time zone for the clock
 */
export async function startScreen({ page, storageKey, kind, channel, notice, state, rendered, identified, load,
    onMessage, timeZone }) {
    const settings = readSettings(storageKey);
    const address = location.origin + page;
    if (!settings.token) {
        showNotice('unregistered', ['pair', 'declare', 'open'],
            { address, pairAddress: location.origin + '/display/pair' });
        return;
    }
    setLanguage(settings.lang);
    translatePage();
    rendered?.();
    showConnection(state, 'connecting');
    const showClock = startClock(timeZone);
    const api = new Api({ token: settings.token });
    const refused = () => showNotice('refused', ['pair', 'ask'],
        { address, pairAddress: location.origin + '/display/pair' });
    const me = await identify(api, state, {
        accept: found => found.kind === kind && Boolean(channel(found)),
        refused,
        wrongKind: found => showNotice(notice.key, [found.kind === notice.otherKind ? 'other' : 'ask'],
            { address: location.origin + notice.otherPage }),
    });
    if (!me) {
        return;
    }
    const context = { me, api, settings };
    setLanguage(chooseLanguage(settings.lang, me.language));
    translatePage();
    rendered?.();
    await identified?.(context);

    const bus = new EventBus('/eventbus', { token: settings.token });
    const listening = channel(me);
    const reread = async () => {
        // The registration may have changed while the screen was away: start again with the new one. (Not on
        // the first connection: it was read just before.)
        if (state.syncs > 0 && channel(await api.get('/auth/me')) !== listening) {
            location.reload();
            return;
        }
        await load(context);
        showClock();
        state.syncs += 1;
    };
    bus.onState(connection => {
        showConnection(state, connection);
        if (connection !== 'open') {
            return undefined;
        }
        return resynchronise(bus, reread, refused);
    });
    bus.subscribe(listening, message => {
        if (message?.type === 'catalog') {
            // A room, service or counter of the site was renamed, added or moved: read the state again (names
            // included); calls already shown are not announced again.
            state.catalogChanges = (state.catalogChanges || 0) + 1;
            resynchronise(bus, reread, refused);
            return;
        }
        onMessage(message);
    });
    bus.start();
    watchNodes({ bus, api, state, page, settings: () => handedSettings(storageKey) });
    startHeartbeat(api, kind, () => state.connection === 'open');
}

/** Every setting kept in this browser, '' for those not set, as they are handed to another node's page. */
function handedSettings(storageKey) {
    const stored = storedSettings(storageKey);
    return Object.fromEntries(SETTING_NAMES.map(name => [name, stored[name] ?? '']));
}

/** Keeps a screen's token in this browser's storage, as ?token= does (pairing gives it this way). */
export function keepToken(storageKey, token) {
    const stored = storedSettings(storageKey);
    stored.token = token;
    localStorage.setItem(storageKey, JSON.stringify(stored));
}

function storedSettings(storageKey) {
    try {
        return JSON.parse(localStorage.getItem(storageKey) || '{}') || {};
    } catch (e) {
        return {};
    }
}

/**
 * Settings given once in the address (?token=…&lang=…&message=…&deaf=1&hold=…), or in its fragment (#token=…, as
 * a screen moving from another node hands them over), kept in this browser's storage under storageKey, then removed
 * from the address bar so the token is not left on screen or in the history.
 */
function readSettings(storageKey) {
    const url = new URL(location.href);
    const fragment = new URLSearchParams(url.hash.slice(1));
    const stored = storedSettings(storageKey);
    let changed = false;
    let handedOver = false;
    for (const name of SETTING_NAMES) {
        for (const [params, fromFragment] of [[fragment, true], [url.searchParams, false]]) {
            if (params.has(name)) {
                const value = params.get(name).trim();
                if (value) {
                    stored[name] = value;
                } else {
                    delete stored[name];
                }
                params.delete(name);
                changed = true;
                handedOver ||= fromFragment;
            }
        }
    }
    if (changed) {
        localStorage.setItem(storageKey, JSON.stringify(stored));
        const hash = handedOver ? (fragment.toString() ? '#' + fragment : '') : url.hash;
        history.replaceState(null, '', url.pathname + url.search + hash);
    }
    return {
        token: stored.token || null, lang: stored.lang || null, message: stored.message || null,
        deaf: isOn(stored.deaf), hold: holdSeconds(stored.hold),
    };
}

/** The deaf visitors' option: ?deaf=1 (or on, yes, true) turns it on, ?deaf=0 or ?deaf= off. */
export function isOn(value) {
    return ['1', 'on', 'yes', 'true', 'oui'].includes(String(value ?? '').toLowerCase());
}

/** ?hold=<seconds>: how long each call stays at least with the deaf option, 1 to 600 s; anything else: the default. */
export function holdSeconds(value) {
    const seconds = Number(value);
    return value != null && Number.isFinite(seconds) && seconds >= 1 && seconds <= 600 ? seconds : null;
}

/** Who this screen is (GET /auth/me), waiting while the server is unreachable; null after a notice. */
async function identify(api, state, { accept, refused, wrongKind }) {
    for (;;) {
        try {
            const me = await api.get('/auth/me');
            if (accept(me)) {
                return me;
            }
            wrongKind(me);
            return null;
        } catch (error) {
            if (error instanceof ApiError && error.status === 401) {
                refused();
                return null;
            }
            showConnection(state, 'closed');
            await sleep(RETRY_MILLIS);
        }
    }
}

/** Runs load() until it succeeds while the bus stays open; a refused token (401/403) closes the bus and says so. */
async function resynchronise(bus, load, refused) {
    for (;;) {
        try {
            await load();
            return;
        } catch (error) {
            if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
                bus.close();
                refused();
                return;
            }
            if (bus.state !== 'open') {
                return;
            }
            await sleep(RETRY_MILLIS);
        }
    }
}

/** Tells the server every 30 s that this screen is alive, whether its live connection is up, and through which node. */
function startHeartbeat(api, kind, isConnected) {
    const beat = () => api.post('/devices/heartbeat', { kind, connected: isConnected(), server: location.origin })
        .catch(() => {});
    beat();
    return setInterval(beat, HEARTBEAT_MILLIS);
}

function showConnection(state, connection) {
    state.connection = connection;
    document.getElementById('connection').hidden = connection === 'open';
    document.body.classList.toggle('offline', connection !== 'open');
}

/**
 * The site's time, every second. Blank until the site's time zone is known, and blank for a zone this browser cannot
 * show (formatClock would fall back on its own): the browser's own zone may be another one (a screen's system left in
 * UTC would show Paris an hour off). Returns the function that shows it, to be called as soon as the zone is read.
 */
function startClock(timeZone) {
    const clock = document.getElementById('clock');
    const show = () => {
        const zone = timeZone();
        clock.textContent = zone && browserKnowsZone(zone) ? formatClock(new Date(), zone) : '';
    };
    show();
    setInterval(show, 1000);
    return show;
}

function browserKnowsZone(zone) {
    try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
    } catch (unknownZone) {
        return false;
    }
}

const flashTimers = new WeakMap();

/**
 * Makes an element flash for a few seconds (again from the start on a recall), then calls over() unless flashed
 * again meanwhile. Flashing is the motion cue of a new call; pages also say it in words while it lasts.
 */
export function flash(element, over = () => {}) {
    element.classList.remove('flash');
    void element.offsetWidth;       // restarts the animation
    element.classList.add('flash');
    clearTimeout(flashTimers.get(element));
    flashTimers.set(element, setTimeout(() => {
        element.classList.remove('flash');
        over();
    }, FLASH_MILLIS));
}

/** Stops an element's flash at once (the call it showed has gone: nothing else on the card may flash). */
export function stopFlash(element) {
    clearTimeout(flashTimers.get(element));
    element.classList.remove('flash');
}

/**
 * Replaces the page with plain sentences for whoever installs the screen (no token, unknown token, wrong kind of
 * device), 'setup.<notice>.title' then each 'setup.<notice>.<line>': in French, then in English.
 */
function showNotice(notice, lines, params) {
    const block = (language, heading) => h('section', { lang: language },
        h(heading, {}, textIn(language, `setup.${notice}.title`, params)),
        lines.map(line => h('p', {}, textIn(language, `setup.${notice}.${line}`, params))));
    document.body.className = 'notice-page';
    document.body.replaceChildren(h('main', { class: 'notice', role: 'alert' }, block('fr', 'h1'), block('en', 'h2')));
}

const sleep = millis => new Promise(resolve => setTimeout(resolve, millis));
