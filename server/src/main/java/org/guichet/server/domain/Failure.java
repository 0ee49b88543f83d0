package org.guichet.server.domain;

/**
 * What went wrong with a request, said in the domain's terms: invalid input, no valid credentials, not allowed, not
 * found, a conflict with the current state (with a code clients can test, such as {@code counter_busy}), too many
 * attempts (wrong pairing codes) for now, or something this server depends on (its database) out of reach. Only the
 * HTTP layer turns a kind into a status. The message is a plain sentence meant for the person who asked.
 */
public final class Failure extends RuntimeException {

    public enum Kind { INVALID, UNAUTHENTICATED, NOT_ALLOWED, NOT_FOUND, CONFLICT, TOO_MANY_ATTEMPTS, UNAVAILABLE }

    private final Kind kind;
    private final String code;
    private final Object current;
    private final java.time.Duration retryAfter;

    private Failure(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    private Failure(Kind kind, String code, String message, Object current) {
        this(kind, code, message, current, null);
    }

    private Failure(Kind kind, String code, String message, Object current, java.time.Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.current = current;
        this.retryAfter = retryAfter;
    }

    /** For too many attempts: how long until the next one may be tried; else null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, at least 1 (what a Retry-After header and a message say): "0" would invite an
     * immediate retry. */
    public static long wholeSeconds(java.time.Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** For a stale change: the entity as it is now stored (a domain object the HTTP layer shows); else null. */
    public Object current() {
        return current;
    }

    public static Failure invalid(String message) {
        return new Failure(Kind.INVALID, "bad_request", message);
    }

    public static Failure invalid(String code, String message) {
        return new Failure(Kind.INVALID, code, message);
    }

    public static Failure unauthenticated(String message) {
        return unauthenticated("unauthorized", message);
    }

    public static Failure unauthenticated(String code, String message) {
        return new Failure(Kind.UNAUTHENTICATED, code, message);
    }

    public static Failure notAllowed(String message) {
        return notAllowed("forbidden", message);
    }

    public static Failure notAllowed(String code, String message) {
        return new Failure(Kind.NOT_ALLOWED, code, message);
    }

    public static Failure notFound(String message) {
        return new Failure(Kind.NOT_FOUND, "not_found", message);
    }

    public static Failure notFound(String code, String message) {
        return new Failure(Kind.NOT_FOUND, code, message);
    }

    /** Too many attempts of something guessable for now; the message says when to try again. */
    public static Failure tooManyAttempts(String code, String message) {
        return new Failure(Kind.TOO_MANY_ATTEMPTS, code, message);
    }

    /**
     * Something that existed and is no longer shown (a visitor's status link after its day), with what may still be
     * said of it (a JSON object), e.g. the language to say so in.
     */
    public static Failure expired(String message, Object current) {
        return new Failure(Kind.NOT_FOUND, "expired", message, current);
    }

    /** Too many attempts for now; the next may come after {@code retryAfter} (said in a Retry-After header). */
    public static Failure tooManyAttempts(String code, String message, java.time.Duration retryAfter) {
        return new Failure(Kind.TOO_MANY_ATTEMPTS, code, message, null, retryAfter);
    }

    /** Too many, and what the caller already holds (a JSON object) that it may use instead. */
    public static Failure tooManyAttempts(String code, String message, Object current) {
        return new Failure(Kind.TOO_MANY_ATTEMPTS, code, message, current);
    }

    /** Something the request needs is out of reach for now (the database): nothing was done, try again later. */
    public static Failure unavailable(String code, String message) {
        return new Failure(Kind.UNAVAILABLE, code, message);
    }

    public static Failure conflict(String code, String message) {
        return new Failure(Kind.CONFLICT, code, message);
    }

    /** A conflict with what the person needs to see to act on it (JSON). */
    public static Failure conflict(String code, String message, io.vertx.core.json.JsonObject current) {
        return new Failure(Kind.CONFLICT, code, message, current);
    }

    /**
     * A change made from an old copy of an entity: someone changed it meanwhile. Carries the entity as now stored, so
     * that the person can see what changed and decide again.
     */
    public static Failure stale(String message, Object current) {
        return new Failure(Kind.CONFLICT, "stale", message, current);
    }
}
