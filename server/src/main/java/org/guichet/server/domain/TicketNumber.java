package org.guichet.server.domain;

/** The visitor-facing number: the service prefix and the day's sequence, at least three digits (A007, A042, B1234). */
public final class TicketNumber {

    private TicketNumber() {
    }

    public static String format(String prefix, int sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        return prefix + String.format("%03d", sequence);
    }

    /** How a screen or a voice says it: "A 42", without leading zeros. */
    public static String spoken(String number) {
        int firstDigit = 0;
        while (firstDigit < number.length() && !Character.isDigit(number.charAt(firstDigit))) {
            firstDigit++;
        }
        String prefix = number.substring(0, firstDigit);
        String digits = number.substring(firstDigit).replaceFirst("^0+(?=\\d)", "");
        return prefix.isEmpty() ? digits : prefix + " " + digits;
    }
}
