// What the waiting-room screen and the counter-top screen share: the device token kept in this browser, REST calls,
// the heartbeat, texts in the screen's language, and plain-sentence messages.

const HEARTBEAT_MILLIS = 30000;

export const TEXTS = {
    fr: {
        ticket: 'Ticket', lastCalls: 'Derniers appels', waiting: 'En attente', noCall: 'Bienvenue',
        noCallDetail: 'Les appels s’afficheront ici.', reconnecting: 'reconnexion…', nobody: 'personne',
        people: n => (n === 1 ? '1 personne' : `${n} personnes`),
        free: 'Libre', closed: 'Fermé', paused: 'En pause', called: 'Appelé', serving: 'En cours',
        spoken: (number, counter) => (counter ? `Ticket ${number}, ${counter}` : `Ticket ${number}`),
    },
    en: {
        ticket: 'Ticket', lastCalls: 'Last calls', waiting: 'Waiting', noCall: 'Welcome',
        noCallDetail: 'Calls will be shown here.', reconnecting: 'reconnecting…', nobody: 'nobody',
        people: n => (n === 1 ? '1 person' : `${n} people`),
        free: 'Free', closed: 'Closed', paused: 'Paused', called: 'Called', serving: 'Serving',
        spoken: (number, counter) => (counter ? `Ticket ${number}, ${counter}` : `Ticket ${number}`),
    },
    es: {
        ticket: 'Número', lastCalls: 'Últimas llamadas', waiting: 'En espera', noCall: 'Bienvenido',
        noCallDetail: 'Las llamadas aparecerán aquí.', reconnecting: 'reconectando…', nobody: 'nadie',
        people: n => (n === 1 ? '1 persona' : `${n} personas`),
        free: 'Libre', closed: 'Cerrado', paused: 'En pausa', called: 'Llamado', serving: 'En curso',
        spoken: (number, counter) => (counter ? `Número ${number}, ${counter}` : `Número ${number}`),
    },
    oc: {
        ticket: 'Tiquet', lastCalls: 'Darrièrs apèls', waiting: 'En espèra', noCall: 'Benvenguda',
        noCallDetail: 'Los apèls s’afichan aicí.', reconnecting: 'reconnexion…', nobody: 'degun',
        people: n => (n === 1 ? '1 persona' : `${n} personas`),
        free: 'Liure', closed: 'Barrat', paused: 'En pausa', called: 'Apelat', serving: 'En cors',
        spoken: (number, counter) => (counter ? `Tiquet ${number}, ${counter}` : `Tiquet ${number}`),
    },
};

/**
 * Settings given once in the address (?token=…&lang=…&message=…), kept in this browser's storage under
 * {@code storageKey}, then removed from the address bar so the token is not left on screen or in the history.
 */
export function readSettings(storageKey) {
    const url = new URL(location.href);
    let stored = {};
    try {
        stored = JSON.parse(localStorage.getItem(storageKey) || '{}');
    } catch (e) {
        stored = {};
    }
    let changed = false;
    for (const name of ['token', 'lang', 'message']) {
        if (url.searchParams.has(name)) {
            const value = url.searchParams.get(name).trim();
            if (value) {
                stored[name] = value;
            } else {
                delete stored[name];
            }
            url.searchParams.delete(name);
            changed = true;
        }
    }
    if (changed) {
        localStorage.setItem(storageKey, JSON.stringify(stored));
        history.replaceState(null, '', url.pathname + url.search + url.hash);
    }
    return { token: stored.token || null, lang: stored.lang || null, message: stored.message || null };
}

/** The screen's language: the one given in its address if any, else the one it was registered with, else French. */
export function chooseLanguage(fromAddress, registered) {
    for (const candidate of [fromAddress, registered]) {
        const short = (candidate || '').toLowerCase().split(/[-_]/)[0];
        if (TEXTS[short]) {
            return short;
        }
    }
    return 'fr';
}

export class ApiError extends Error {
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}

export function api(token) {
    return async (path, { method = 'GET', body } = {}) => {
        const headers = { Authorization: `Bearer ${token}` };
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        let response;
        try {
            response = await fetch(path, {
                method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
            });
        } catch (e) {
            throw new ApiError(0, 'network', 'server unreachable');
        }
        const text = await response.text();
        const json = text ? JSON.parse(text) : null;
        if (!response.ok) {
            throw new ApiError(response.status, json && json.error, (json && json.message) || response.statusText);
        }
        return json;
    };
}

/** Tells the server every 30 s that this screen is alive, and whether its live connection is up. */
export function startHeartbeat(call, kind, isConnected) {
    const beat = () => call('/api/v1/devices/heartbeat', {
        method: 'POST', body: { kind, connected: isConnected() },
    }).catch(() => {});
    beat();
    return setInterval(beat, HEARTBEAT_MILLIS);
}

/** Replaces the page with plain sentences (no token, unknown token, wrong kind of device). */
export function showNotice(title, lines) {
    document.body.className = 'notice-page';
    document.body.replaceChildren();
    const main = document.createElement('main');
    main.className = 'notice';
    main.setAttribute('role', 'alert');
    const heading = document.createElement('h1');
    heading.textContent = title;
    main.appendChild(heading);
    for (const line of lines) {
        const p = document.createElement('p');
        p.textContent = line;
        main.appendChild(p);
    }
    document.body.appendChild(main);
}

export function notRegisteredNotice(page) {
    const origin = location.origin;
    showNotice('Cet écran n’est pas encore enregistré', [
        'Un administrateur déclare l’écran et lui donne un jeton : PUT /api/v1/admin/deployment '
        + '(ou POST /api/v1/admin/devices/<identifiant>/token pour un écran déjà déclaré).',
        `Ouvrez ensuite une seule fois ${origin}${page}?token=<jeton> sur cet écran ; il s’en souviendra.`,
        'This screen is not registered yet: ask an administrator for a device token, then open '
        + `${origin}${page}?token=<token> once on this screen.`,
    ]);
}

export function refusedNotice(page) {
    showNotice('Le jeton de cet écran est inconnu ou a été révoqué', [
        'Demandez à un administrateur un nouveau jeton (POST /api/v1/admin/devices/<identifiant>/token), '
        + `puis ouvrez ${location.origin}${page}?token=<jeton> sur cet écran.`,
        'This screen’s token is unknown or was revoked: ask an administrator for a new one.',
    ]);
}

export function clockText(timeZone, lang) {
    try {
        return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date());
    } catch (e) {
        return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date());
    }
}

export function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
        node.className = className;
    }
    if (text !== undefined && text !== null) {
        node.textContent = text;
    }
    return node;
}

/**
 * After a (re)connection: runs load() until it succeeds, waiting retryMillis between tries while the bus stays open;
 * a refused token (401/403) closes the bus and says so on screen.
 */
export async function resynchroniseWith(load, bus, page, retryMillis) {
    for (;;) {
        try {
            await load();
            return;
        } catch (error) {
            if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
                bus.close();
                refusedNotice(page);
                return;
            }
            if (bus.state !== 'open') {
                return;
            }
            await new Promise(resolve => setTimeout(resolve, retryMillis));
        }
    }
}

/**
 * Who this screen is (GET /api/v1/auth/me), waiting while the server is unreachable. Returns null, after a plain notice,
 * when the token is refused or belongs to another kind of device.
 */
export async function identifyScreen(call, { page, retryMillis, accept, wrongKind, whileOffline }) {
    for (;;) {
        try {
            const me = await call('/api/v1/auth/me');
            if (!accept(me)) {
                wrongKind(me);
                return null;
            }
            return me;
        } catch (error) {
            if (error instanceof ApiError && error.status === 401) {
                refusedNotice(page);
                return null;
            }
            whileOffline();
            await new Promise(resolve => setTimeout(resolve, retryMillis));
        }
    }
}
