package org.guichet.server.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which waiting ticket a counter calls next. Pure: the engine reads the waiting tickets, orders them here, then locks the
 * first one no other counter holds.
 *
 * <p>Four tiers. First, visitors with an appointment whose booked time has come: they booked that time. Then
 * priority tickets, tickets transferred to this very counter, and normal tickets that have waited past
 * {@code ageingShare} of their service's target. Then every other normal ticket; last, visitors who checked in early
 * for an appointment, called before their time only when nobody else waits. Within a tier: by the counter's service
 * order if the policy says so, then by booked time for appointments and arrival for the others, then by id.
 */
public final class CallingOrder {

    private final CallingPolicy policy;

    public CallingOrder(CallingPolicy policy) {
        this.policy = policy;
    }

    public List<WaitingTicket> order(List<WaitingTicket> waiting, String counterId, List<String> counterServices,
                                     Instant now) {
        Comparator<WaitingTicket> byTier = Comparator.comparingInt(ticket -> tier(ticket, counterId, now));
        Comparator<WaitingTicket> comparator = byTier;
        if (policy.followCounterOrder()) {
            comparator = comparator.thenComparingInt(ticket -> serviceRank(ticket, counterServices));
        }
        comparator = comparator.thenComparing(WaitingTicket::queuedAt).thenComparingLong(WaitingTicket::id);
        return waiting.stream()
                .filter(ticket -> callableAt(ticket, counterId, counterServices))
                .sorted(comparator)
                .toList();
    }

    /**
     * The part of an ordered list that is surely the head of the calling order over every waiting ticket, when only
     * the oldest {@code normalPerService} normal tickets of each service were read (and every other waiting ticket):
     * it ends at the last read normal ticket of the first service that may have more, one that gave as many as were
     * read. A ticket left unread comes after that one, because normal tickets of a service only compete by arrival.
     */
    public static List<WaitingTicket> certainHead(List<WaitingTicket> ordered, int normalPerService) {
        Map<String, Integer> read = new HashMap<>();
        ordered.stream().filter(CallingOrder::readByService).forEach(t -> read.merge(t.serviceId(), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            WaitingTicket ticket = ordered.get(i);
            if (readByService(ticket) && read.get(ticket.serviceId()) >= normalPerService
                && seen.merge(ticket.serviceId(), 1, Integer::sum) == normalPerService) {
                return ordered.subList(0, i + 1);
            }
        }
        return ordered;
    }

    /** Normal tickets not sent to one counter: the ones read per service, oldest first, a few at a time. */
    private static boolean readByService(WaitingTicket ticket) {
        return ticket.priority() == PriorityClass.NORMAL && ticket.targetCounterId() == null;
    }

    static boolean callableAt(WaitingTicket ticket, String counterId, List<String> counterServices) {
        if (ticket.targetCounterId() != null) {
            return ticket.targetCounterId().equals(counterId);
        }
        return counterServices.contains(ticket.serviceId());
    }

    int tier(WaitingTicket ticket, String counterId, Instant now) {
        if (ticket.appointmentAt() != null && !counterId.equals(ticket.targetCounterId())) {
            return now.isBefore(ticket.appointmentAt()) ? 3 : 0;
        }
        if (ticket.priority() != PriorityClass.NORMAL || counterId.equals(ticket.targetCounterId())) {
            return 1;
        }
        return hasAged(ticket, now) ? 1 : 2;
    }

    boolean hasAged(WaitingTicket ticket, Instant now) {
        long targetMillis = ticket.targetWait().toMillis();
        Duration ageingThreshold = Duration.ofMillis(Math.round(targetMillis * policy.ageingShare()));
        return !Duration.between(ticket.arrivalAt(), now).minus(ageingThreshold).isNegative();
    }

    private static int serviceRank(WaitingTicket ticket, List<String> counterServices) {
        int rank = counterServices.indexOf(ticket.serviceId());
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }
}
