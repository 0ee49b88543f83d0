package org.guichet.kiosk.server;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

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
    private final String errorCode;

    public ServerCallException(Kind kind, int status, String message, Throwable cause) {
        this(kind, status, null, message, cause);
    }

    private ServerCallException(Kind kind, int status, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
    }

    public static ServerCallException unreachable(String what, Throwable cause) {
        return new ServerCallException(Kind.UNREACHABLE, 0, what + ": " + cause, cause);
    }

    public static ServerCallException fromStatus(String what, int status, String body) {
        Kind kind = status >= 500 ? Kind.UNREACHABLE : status == 401 ? Kind.UNAUTHORISED : Kind.REJECTED;
        return new ServerCallException(kind, status, errorCode(body), what + ": HTTP " + status + " " + body, null);
    }

    /** The "error" of the server's JSON answer, such as site_closed; null if it gave none. */
    private static String errorCode(String body) {
        try {
            return body == null ? null : new JsonObject(body).getString("error");
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    /** The failure is the server's refusal with this error code. */
    public static boolean hasCode(Throwable failure, String code) {
        return failure instanceof ServerCallException call && code.equals(call.errorCode);
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
