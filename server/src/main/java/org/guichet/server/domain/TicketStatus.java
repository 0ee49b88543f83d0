package org.guichet.server.domain;

public enum TicketStatus {
    WAITING, CALLED, SERVING, DONE, NO_SHOW, CANCELLED, TRANSFERRED;

    public boolean isActiveAtCounter() {
        return this == CALLED || this == SERVING;
    }

    public boolean isFinal() {
        return this == DONE || this == NO_SHOW || this == CANCELLED || this == TRANSFERRED;
    }
}
