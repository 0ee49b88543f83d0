// The one REST client of every Guichet web app: JSON in and out, the bearer token, and failures as ApiError.
//
//   const api = new Api({ tokenStorageKey: 'guichet.counter.token', onUnauthorized: sessionEnded });
//   const counter = await api.get('/counters/c1');          // GET /api/v1/counters/c1
//   await api.post('/counters/c1/call-next');               // 204 → null
//
// A failure is an ApiError {status, code, message}: code is the server's error code ({"error": code, "message"}),
// or 'network' (status 0) when the server could not be reached. After a network failure nobody knows whether a POST
// was applied, so this client never sends a request again by itself: the app re-reads the state and lets a person
// decide (or, like the kiosk, resends the very same request with its idempotency key).

import { h } from './dom.js';

export class ApiError extends Error {
    constructor(status, code, message) {
        super(message || code);
        this.name = 'ApiError';
        this.status = status;
        this.code = code;
        // What the server said remains of the thing refused (a stale entity as stored, an expired ticket's language).
        this.current = null;
    }
}

export class Api {
    /**
     * base: where the API lives ('/api/v1' on the server, '/api' for the kiosk's local API).
     * token, or tokenStorageKey: the token is then kept in this tab's sessionStorage under that key.
     * onUnauthorized(error): a request with a token was answered 401 (the session or device token is no longer valid).
     */
    constructor({ base = '/api/v1', token = null, tokenStorageKey = null, onUnauthorized = null } = {}) {
        this.base = base;
        this.tokenStorageKey = tokenStorageKey;
        this.token = token ?? (tokenStorageKey ? sessionStorage.getItem(tokenStorageKey) : null);
        this.onUnauthorized = onUnauthorized;
    }

    setToken(token) {
        this.token = token || null;
        if (this.tokenStorageKey) {
            if (this.token) {
                sessionStorage.setItem(this.tokenStorageKey, this.token);
            } else {
                sessionStorage.removeItem(this.tokenStorageKey);
            }
        }
    }

    get(path) {
        return this.json('GET', path);
    }

    post(path, body = {}) {
        return this.json('POST', path, body);
    }

    /** Saves a file the API answers (a CSV export…): the token cannot ride on a plain link. */
    async download(path, { accept = 'text/csv', fallbackName = 'guichet.csv' } = {}) {
        const response = await this.send('GET', path, undefined, accept);
        const disposition = response.headers.get('Content-Disposition') || '';
        const named = disposition.match(/filename="([^"]+)"/);
        const url = URL.createObjectURL(await response.blob());
        const link = h('a', { href: url, download: named ? named[1] : fallbackName });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    }

    /**
     * The answer's JSON (null for 204 or an empty body), or an ApiError. The body is sent as JSON, or as it is when
     * a contentType is given (a YAML file…).
     */
    async json(method, path, body, contentType = 'application/json') {
        const response = await this.send(method, path, body, 'application/json', contentType);
        const text = response.status === 204 ? '' : await response.text();
        if (!text) {
            return null;
        }
        try {
            return JSON.parse(text);
        } catch (notJson) {
            throw new ApiError(response.status, 'invalid_response', 'The answer was not JSON.');
        }
    }

    /** The Response of a successful request; a failed one becomes an ApiError (a 401 may call onUnauthorized). */
    async send(method, path, body, accept, contentType = 'application/json') {
        const headers = { Accept: accept };
        if (this.token) {
            headers.Authorization = `Bearer ${this.token}`;
        }
        if (body !== undefined) {
            headers['Content-Type'] = contentType;
        }
        let response;
        try {
            response = await fetch(`${this.base}${path}`, {
                method,
                headers,
                body: body === undefined || contentType !== 'application/json' ? body : JSON.stringify(body),
                cache: 'no-store',
            });
        } catch (failure) {
            throw new ApiError(0, 'network', failure?.message);
        }
        if (response.ok) {
            return response;
        }
        const refusal = await response.json().catch(() => null);
        const error = new ApiError(response.status, refusal?.error ?? `http_${response.status}`,
            refusal?.message ?? response.statusText);
        error.current = refusal?.current ?? null;
        if (response.status === 401 && this.token && !path.startsWith('/auth/login')) {
            this.onUnauthorized?.(error);
        }
        throw error;
    }
}
