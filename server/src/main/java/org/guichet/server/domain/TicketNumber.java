package org.guichet.server.domain;

/** The visitor-facing number: the service prefix and the day's sequence, at least three digits (A007, A042, B1234). */
public final class TicketNumber {

    private TicketNumber() {
    }

    public static String format(String prefix, int sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        String digits = Integer.toString(sequence);
        return prefix + "0".repeat(Math.max(0, 3 - digits.length())) + digits;
    }

    /** How a screen or a voice says it: "A 42", without leading zeros. */
    public static String spoken(String number) {
        int firstDigit = 0;
        while (firstDigit < number.length() && !Character.isDigit(number.charAt(firstDigit))) {
            firstDigit++;
        }
        int firstKept = firstDigit;
        while (firstKept + 1 < number.length() && number.charAt(firstKept) == '0'
                && isAsciiDigit(number.charAt(firstKept + 1))) {
            firstKept++;
        }
        String prefix = number.substring(0, firstDigit);
        String digits = number.substring(firstKept);
        return prefix.isEmpty() ? digits : prefix + " " + digits;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
