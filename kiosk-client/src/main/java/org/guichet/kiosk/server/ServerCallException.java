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
    private final String serverMessage;

    public ServerCallException(Kind kind, int status, String message, Throwable cause) {
        this(kind, status, null, null, message, cause);
    }

    private ServerCallException(Kind kind, int status, String errorCode, String serverMessage, String message,
                                Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
    }

    public static ServerCallException unreachable(String what, Throwable cause) {
        return new ServerCallException(Kind.UNREACHABLE, 0, what + ": " + cause, cause);
    }

    public static ServerCallException fromStatus(String what, int status, String body) {
        Kind kind = status >= 500 ? Kind.UNREACHABLE : status == 401 ? Kind.UNAUTHORISED : Kind.REJECTED;
        return new ServerCallException(kind, status, field(body, "error"), field(body, "message"),
                what + ": HTTP " + status + " " + body, null);
    }

    /** A field of the server's JSON answer ("error": a code such as site_closed; "message"); null if it gave none. */
    private static String field(String body, String name) {
        try {
            return body == null ? null : new JsonObject(body).getString(name);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    /** The failure is the server's refusal with this error code. */
    public static boolean hasCode(Throwable failure, String code) {
        return failure instanceof ServerCallException call && code.equals(call.errorCode);
    }

    /** The server's error code, such as pairing_code_expired; null when it gave none. */
    public String errorCode() {
        return errorCode;
    }

    /** The server's plain sentence about the refusal; null when it gave none. */
    public String serverMessage() {
        return serverMessage;
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

    /**
     * This server cannot serve now, and another may: no answer at all (refused, timed out, connection dropped), or a
     * 502, 503 or 504 (a node stopping, or its database away). A 500 is a fault in the request's handling that
     * another node would most likely repeat.
     */
    public static boolean isServerUnavailable(Throwable failure) {
        return failure instanceof ServerCallException call && call.kind == Kind.UNREACHABLE
               && (call.status == 0 || call.status == 502 || call.status == 503 || call.status == 504);
    }
}
