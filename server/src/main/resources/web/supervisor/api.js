// REST calls with the agent's bearer token; failures become ApiError with a plain sentence for the screen.

import { t } from './i18n.js';

export class ApiError extends Error {
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}

const TOKEN_KEY = 'guichet.supervisor.token';

export class Api {
    constructor({ onUnauthorized }) {
        this.token = sessionStorage.getItem(TOKEN_KEY);
        this.onUnauthorized = onUnauthorized;
    }

    setToken(token) {
        this.token = token;
        if (token) {
            sessionStorage.setItem(TOKEN_KEY, token);
        } else {
            sessionStorage.removeItem(TOKEN_KEY);
        }
    }

    async request(method, path, body, accept = 'application/json') {
        let response;
        try {
            response = await fetch(`/api/v1${path}`, {
                method,
                headers: {
                    Accept: accept,
                    ...(body ? { 'Content-Type': 'application/json' } : {}),
                    ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
                },
                body: body ? JSON.stringify(body) : undefined,
            });
        } catch (e) {
            throw new ApiError(0, 'network', t('error.network'));
        }
        if (response.ok) {
            return response;
        }
        let error = {};
        try {
            error = await response.json();
        } catch (e) {
            // not JSON: the status says enough
        }
        if (response.status === 401 && path !== '/auth/login') {
            this.onUnauthorized?.();
            throw new ApiError(401, error.error, t('error.session'));
        }
        if (response.status === 403) {
            throw new ApiError(403, error.error, t('error.forbidden'));
        }
        if (response.status >= 400 && response.status < 500) {
            throw new ApiError(response.status, error.error, t('error.request', { message: error.message ?? '' }));
        }
        throw new ApiError(response.status, error.error, t('error.server'));
    }

    async get(path) {
        return (await this.request('GET', path)).json();
    }

    async post(path, body) {
        const response = await this.request('POST', path, body);
        return response.status === 204 ? null : response.json();
    }

    /** Downloads a file answered by the API (the token cannot ride on a plain link). */
    async download(path, fallbackName) {
        const response = await this.request('GET', path, null, 'text/csv');
        const disposition = response.headers.get('Content-Disposition') || '';
        const match = disposition.match(/filename="([^"]+)"/);
        const blob = await response.blob();
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = match ? match[1] : fallbackName;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
}
