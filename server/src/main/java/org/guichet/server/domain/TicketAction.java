package org.guichet.server.domain;

/** What an agent, a kiosk or the system does to a ticket; each is appended to the ticket's history. */
public enum TicketAction {
    ISSUE("issue"),
    CALL("call"),
    RECALL("recall"),
    START("start"),
    FINISH("finish"),
    NO_SHOW("no-show"),
    REQUEUE("requeue"),
    TRANSFER("transfer"),
    CANCEL("cancel");

    private final String pathName;

    TicketAction(String pathName) {
        this.pathName = pathName;
    }

    public String pathName() {
        return pathName;
    }
}
