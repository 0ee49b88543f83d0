package org.guichet.server.domain;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A visitor's phone number, kept in E.164 form ({@code +33612345678}) whatever way it was typed, so that two spellings
 * of one number are one number and an SMS provider gets the form it expects.
 *
 * <p>A phone number is personal data: {@link #toString()} gives the {@link #masked()} form, so that a number that
 * reaches a log or an error message by mistake shows too little to call anyone. Messages about a bad number never
 * repeat what was typed, for the same reason.
 */
public record PhoneNumber(String e164) {

    private static final String FRANCE = "+33";
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern FRENCH_E164 = Pattern.compile("\\+33[1-9]\\d{8}");
    private static final Pattern FRENCH_NATIONAL = Pattern.compile("0[1-9]\\d{8}");
    private static final Pattern FRENCH_INTERNATIONAL = Pattern.compile("0033[1-9]\\d{8}");
    /** Spaces (non-breaking ones too, as pasted from a web page), dots and dashes people write between groups. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00a0\\u202f.\\-]");
    /**
     * The country codes of one or two digits (ITU-T E.164 assignments); every other code has three. Codes are
     * prefix-free, so this is enough to tell where a number's country code ends when masking it.
     */
    private static final Set<String> SHORT_COUNTRY_CODES = Set.of("1", "7", "20", "27", "30", "31", "32", "33", "34",
            "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57",
            "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95",
            "98");
    private static final String HIDDEN = "\u2022\u2022";

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()
            || e164.startsWith(FRANCE) && !FRENCH_E164.matcher(e164).matches()) {
            throw Failure.invalid("bad_phone_number", "A phone number must be stored in E.164 form.");
        }
    }

    /**
     * A number as a visitor types it: French national ({@code 06 12 34 56 78}, with spaces, dots or dashes or none),
     * French international ({@code +33 6 12 34 56 78}, {@code 0033612345678}), or any other country's with + and 8
     * to 15 digits ({@code +34 612 345 678}).
     */
    public static PhoneNumber parse(String text) {
        String compact = text == null ? "" : SEPARATORS.matcher(text.strip()).replaceAll("");
        if (FRENCH_NATIONAL.matcher(compact).matches()) {
            return new PhoneNumber(FRANCE + compact.substring(1));
        }
        if (FRENCH_INTERNATIONAL.matcher(compact).matches()) {
            return new PhoneNumber(FRANCE + compact.substring(4));
        }
        boolean rightLengthIfFrench = !compact.startsWith(FRANCE) || FRENCH_E164.matcher(compact).matches();
        if (E164.matcher(compact).matches() && rightLengthIfFrench) {
            return new PhoneNumber(compact);
        }
        throw Failure.invalid("bad_phone_number", "Please give a French phone number such as 06 12 34 56 78, or an "
                + "international one starting with + and the country code, such as +34 612 345 678.");
    }

    public boolean french() {
        return e164.startsWith(FRANCE);
    }

    /** Whether an SMS can reach it: French 06 and 07 numbers; any number abroad, whose plan is not known here. */
    public boolean mobile() {
        return !french() || e164.startsWith("+336") || e164.startsWith("+337");
    }

    /** As people in France write it ({@code 06 12 34 56 78}); a number abroad in its E.164 form. */
    public String national() {
        if (!french()) {
            return e164;
        }
        String digits = "0" + e164.substring(FRANCE.length());
        return String.join(" ", digits.substring(0, 2), digits.substring(2, 4), digits.substring(4, 6),
                digits.substring(6, 8), digits.substring(8));
    }

    /**
     * Enough for a visitor to recognise their own number, too little to call it: {@code 06 •• •• •• 78}, or the
     * country code and the last three digits ({@code +34 ••• 678}). At least four digits always stay hidden.
     */
    public String masked() {
        if (french()) {
            String national = national();
            return national.substring(0, 2) + " " + HIDDEN + " " + HIDDEN + " " + HIDDEN + " " + national.substring(12);
        }
        String digits = e164.substring(1);
        String countryCode = countryCode(digits);
        int shown = Math.min(3, digits.length() - countryCode.length() - 4);
        return "+" + countryCode + " " + HIDDEN + "\u2022 " + digits.substring(digits.length() - shown);
    }

    /** Never the full number: see the class comment. */
    @Override
    public String toString() {
        return masked();
    }

    private static String countryCode(String digits) {
        for (int length = 1; length < 3; length++) {
            if (SHORT_COUNTRY_CODES.contains(digits.substring(0, length))) {
                return digits.substring(0, length);
            }
        }
        return digits.substring(0, 3);
    }
}
