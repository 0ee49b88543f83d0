package org.guichet.kiosk.core;

import java.util.Locale;

/**
 * Why a visitor got no ticket. The code is what the touch UI turns into a plain sentence in the visitor's language;
 * the message is for the log.
 */
public final class KioskFailure extends RuntimeException {

    public enum Code {
        PRINTER_UNAVAILABLE(503),
        SERVER_UNREACHABLE(503),
        NOT_REGISTERED(503),
        STARTING(503),
        SERVICE_UNAVAILABLE(409),
        SITE_CLOSED(409),
        UNKNOWN_ENTRY(404),
        NOT_ISSUABLE(400),
        /** The server says this kiosk issued too many tickets just now: the visitor tries again in a moment. */
        BUSY(429),
        /** No appointment waits with the code typed (or it is not a code at all). */
        APPOINTMENT_UNKNOWN(404),
        /** The appointment is later: the kiosk checks in from the allowed time before it. */
        APPOINTMENT_TOO_EARLY(409),
        /** The appointment is past its lateness allowance: the visitor takes an ordinary ticket. */
        APPOINTMENT_MISSED(409);

        private final int httpStatus;

        Code(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Code code;

    public KioskFailure(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    static KioskFailure forReason(KioskHealth.Reason reason) {
        return switch (reason) {
            case PRINTER -> new KioskFailure(Code.PRINTER_UNAVAILABLE, "The printer cannot print: no ticket issued.");
            case SERVER -> new KioskFailure(Code.SERVER_UNREACHABLE, "The server is unreachable: no ticket issued.");
            case NOT_REGISTERED -> new KioskFailure(Code.NOT_REGISTERED, "This kiosk is not registered on the server.");
            case STARTING, NONE -> new KioskFailure(Code.STARTING, "The kiosk is starting.");
        };
    }
}
