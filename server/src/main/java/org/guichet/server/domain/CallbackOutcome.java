package org.guichet.server.domain;

import java.util.Locale;

/** How one attempt to call a caller back went. */
public enum CallbackOutcome {
    ANSWERED, NO_ANSWER, WRONG_NUMBER;

    public static CallbackOutcome parse(String text) {
        if (text != null) {
            for (CallbackOutcome outcome : values()) {
                if (outcome.name().equalsIgnoreCase(text.strip().replace('-', '_'))) {
                    return outcome;
                }
            }
        }
        throw Failure.invalid("'outcome' must be answered, no_answer or wrong_number.");
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
