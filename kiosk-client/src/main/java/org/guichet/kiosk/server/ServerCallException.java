package org.guichet.kiosk.server;

/** A call to the Guichet server that did not give the expected answer, sorted by what the kiosk should do about it. */
public final class ServerCallException extends RuntimeException {

    public enum Kind {
        /** No answer (refused, timed out, connection dropped) or a 5xx: try again later, the server may come back. */
        UNREACHABLE,
        /** 401: the device token is missing, unknown or revoked; the kiosk must be registered again. */
        UNAUTHORISED,
        /** Another 4xx: the server refused this request (e.g. a service no longer offered); retrying will not help. */
        REJECTED
    }

    private final Kind kind;
    private final int status;

    public ServerCallException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public static ServerCallException unreachable(String what, Throwable cause) {
        return new ServerCallException(Kind.UNREACHABLE, 0, what + ": " + cause, cause);
    }

    public static ServerCallException fromStatus(String what, int status, String body) {
        Kind kind = status >= 500 ? Kind.UNREACHABLE : status == 401 ? Kind.UNAUTHORISED : Kind.REJECTED;
        return new ServerCallException(kind, status, what + ": HTTP " + status + " " + body, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    public static boolean isUnreachable(Throwable failure) {
        return failure instanceof ServerCallException call && call.kind == Kind.UNREACHABLE;
    }
}
