package org.guichet.server.domain;

import java.util.Locale;

/** Why a ticket may be called before others. No reason more personal than the class is stored. */
public enum PriorityClass {
    NORMAL, PRIORITY, APPOINTMENT;

    /**
     * A visitor may choose it alone at a kiosk: priority is declared (reduced mobility, disability, pregnancy), an
     * appointment is given by an agent who checked it.
     */
    public boolean selfDeclared() {
        return this != APPOINTMENT;
    }

    public static PriorityClass parse(String value) {
        if (value == null) {
            return NORMAL;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Failure.invalid("priority must be one of NORMAL, PRIORITY, APPOINTMENT");
        }
    }
}
