package org.guichet.server.domain;

import java.util.Locale;

public enum Role {
    AGENT, SUPERVISOR, ADMIN;

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw Failure.invalid("role must be one of agent, supervisor, admin");
        }
    }
}
