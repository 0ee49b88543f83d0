// REST calls of the counter tablet. Failures become ApiError with the server's error code, or 'network' when the
// server could not be reached (then nobody knows whether a POST was applied: the app re-reads its state, never resends).

export class ApiError extends Error {
    constructor(status, code, message) {
        super(message || code);
        this.status = status;
        this.code = code;
    }
}

export class Api {
    constructor({ onUnauthorized = () => {}, onReachable = () => {} } = {}) {
        this.token = null;
        this.onUnauthorized = onUnauthorized;
        this.onReachable = onReachable;
    }

    async request(method, path, body) {
        const headers = { Accept: 'application/json' };
        if (this.token) {
            headers.Authorization = `Bearer ${this.token}`;
        }
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        let response;
        try {
            response = await fetch(`/api/v1${path}`, {
                method,
                headers,
                body: body === undefined ? undefined : JSON.stringify(body),
                cache: 'no-store',
            });
        } catch (failure) {
            this.onReachable(false);
            throw new ApiError(0, 'network', failure.message);
        }
        this.onReachable(true);
        if (response.status === 204) {
            return null;
        }
        const data = await response.json().catch(() => null);
        if (!response.ok) {
            const error = new ApiError(response.status, data?.error ?? `http_${response.status}`, data?.message);
            if (response.status === 401 && this.token && !path.startsWith('/auth/login')) {
                this.onUnauthorized(error);
            }
            throw error;
        }
        return data;
    }

    get(path) {
        return this.request('GET', path);
    }

    post(path, body) {
        return this.request('POST', path, body ?? {});
    }
}
