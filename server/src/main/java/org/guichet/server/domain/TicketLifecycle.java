package org.guichet.server.domain;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.guichet.server.domain.TicketStatus.*;

/**
 * The ticket state machine. Every transition the engine performs is checked here, and the SQL that applies it only
 * matches rows in one of {@link #allowedFrom(TicketAction)} (written as {@link #notAllowedFromNames}), so a concurrent change can never slip an illegal one through.
 */
public final class TicketLifecycle {

    private record Transition(Set<TicketStatus> from, TicketStatus to) {
    }

    private static final Map<TicketAction, Transition> TRANSITIONS = new EnumMap<>(TicketAction.class);

    static {
        TRANSITIONS.put(TicketAction.CALL, new Transition(EnumSet.of(WAITING), CALLED));
        TRANSITIONS.put(TicketAction.RECALL, new Transition(EnumSet.of(CALLED), CALLED));
        TRANSITIONS.put(TicketAction.START, new Transition(EnumSet.of(CALLED), SERVING));
        TRANSITIONS.put(TicketAction.FINISH, new Transition(EnumSet.of(SERVING), DONE));
        TRANSITIONS.put(TicketAction.NO_SHOW, new Transition(EnumSet.of(CALLED), NO_SHOW));
        TRANSITIONS.put(TicketAction.REQUEUE, new Transition(EnumSet.of(CALLED), WAITING));
        TRANSITIONS.put(TicketAction.TRANSFER, new Transition(EnumSet.of(CALLED, SERVING), TRANSFERRED));
        TRANSITIONS.put(TicketAction.CANCEL, new Transition(EnumSet.of(WAITING), CANCELLED));
    }

    private static final Map<TicketAction, String[]> NOT_ALLOWED_FROM = new EnumMap<>(TicketAction.class);

    static {
        for (TicketAction action : TicketAction.values()) {
            Set<TicketStatus> allowed = allowedFrom(action);
            NOT_ALLOWED_FROM.put(action, Arrays.stream(TicketStatus.values())
                    .filter(status -> !allowed.contains(status)).map(Enum::name).toArray(String[]::new));
        }
    }

    private TicketLifecycle() {
    }

    public static Set<TicketStatus> allowedFrom(TicketAction action) {
        Transition transition = TRANSITIONS.get(action);
        return transition == null ? Set.of() : transition.from();
    }

    public static Optional<TicketStatus> next(TicketStatus from, TicketAction action) {
        Transition transition = TRANSITIONS.get(action);
        if (transition == null || !transition.from().contains(from)) {
            return Optional.empty();
        }
        return Optional.of(transition.to());
    }

    /**
     * The states an action is NOT allowed from, for SQL that says "status <> ALL(these)" rather than "status = ANY(the
     * allowed ones)": the same rows, but no partial index on a status can serve it, so a ticket is always found by its
     * primary key. (Such an index, vacuumed while empty, is believed empty all day however much it holds: seen,
     * looking up 32 tickets through ticket_waiting read 40,000 entries.)
     */
    public static String[] notAllowedFromNames(TicketAction action) {
        return NOT_ALLOWED_FROM.get(action).clone();
    }
}
