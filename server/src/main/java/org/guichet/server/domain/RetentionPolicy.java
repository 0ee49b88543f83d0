package org.guichet.server.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How long each kind of personal or linkable data is kept (the {@code retention:} section; see docs/privacy.md).
 * Visitor status links need no period: a link answers only during its ticket's service day.
 *
 * @param notesDays             agents' free-text notes and outcomes are erased this many days after the ticket ended
 * @param pseudonymiseAfterDays tickets, their events and facts lose what links them to a person (status link,
 *                              kiosk request key, agent ids) this many days after issue
 * @param ticketMonths          tickets, events, facts and counter events are deleted after this many months; only the
 *                              statistics rollups (per site and day or month) remain
 * <p>The audit log's period is {@code retention.auditDays} (or the older {@code audit.retentionDays}), applied by
 * {@code AuditLog}.
 */
public record RetentionPolicy(int notesDays, int pseudonymiseAfterDays, int ticketMonths) {

    public static final int DEFAULT_NOTES_DAYS = 30;
    public static final int DEFAULT_PSEUDONYMISE_AFTER_DAYS = 90;
    public static final int DEFAULT_TICKET_MONTHS = 13;

    /** What each kind of data older than its period is: before these it goes. */
    public record Cutoffs(Instant notesBefore, Instant pseudonymiseBefore, LocalDate deleteBeforeDay) {
    }

    public RetentionPolicy {
        if (notesDays < 1 || pseudonymiseAfterDays < 1 || ticketMonths < 1) {
            throw new IllegalArgumentException("Every retention period is at least 1.");
        }
        if (notesDays > pseudonymiseAfterDays) {
            throw new IllegalArgumentException("retention.notesDays (" + notesDays + ") cannot be longer than "
                    + "retention.pseudonymiseAfterDays (" + pseudonymiseAfterDays + "): pseudonymising erases notes.");
        }
        if (pseudonymiseAfterDays > ticketMonths * 31L) {
            throw new IllegalArgumentException("retention.pseudonymiseAfterDays (" + pseudonymiseAfterDays
                    + ") cannot be longer than retention.ticketMonths (" + ticketMonths + " months).");
        }
    }

    public static RetentionPolicy defaults() {
        return new RetentionPolicy(DEFAULT_NOTES_DAYS, DEFAULT_PSEUDONYMISE_AFTER_DAYS, DEFAULT_TICKET_MONTHS);
    }

    /**
     * The cutoffs at {@code now}. Tickets are deleted by whole service days (a ticket and its transferred successors
     * share theirs), counted in UTC: a few hours' difference with a site's own day does not matter over months.
     */
    public Cutoffs cutoffs(Instant now) {
        return new Cutoffs(now.minus(Duration.ofDays(notesDays)), now.minus(Duration.ofDays(pseudonymiseAfterDays)),
                firstDayWithTickets(now));
    }

    /** The first service day whose tickets (and so their per-ticket statistics) are still kept at {@code now}. */
    public LocalDate firstDayWithTickets(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusMonths(ticketMonths);
    }
}
