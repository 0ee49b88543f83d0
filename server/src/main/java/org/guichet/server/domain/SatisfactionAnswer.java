package org.guichet.server.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A visitor's answer to "how was your visit?": a score from 1 (very unhappy) to 5 (very happy), shown as five faces,
 * and an optional comment. Only a served visit may be rated, once; on the counter-top screen only just after it (the
 * next visitor must not rate the previous one), on the visitor's own page while its link lives (its day).
 */
public record SatisfactionAnswer(int score, String comment, Channel channel) {

    public enum Channel {
        COUNTER_SCREEN, VISITOR_PAGE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final int MAX_COMMENT = 500;
    /** How long after the end of a visit the counter-top screen may still send its rating. */
    public static final Duration COUNTER_SCREEN_WINDOW = Duration.ofMinutes(10);

    public SatisfactionAnswer {
        if (score < 1 || score > 5) {
            throw Failure.invalid("score must be a whole number from 1 to 5.");
        }
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw Failure.invalid("comment has at most " + MAX_COMMENT + " characters.");
        }
        if (comment != null && channel == Channel.COUNTER_SCREEN) {
            throw Failure.invalid("The counter-top screen sends a score only.");
        }
    }

    /** Why this visit may not be rated through this channel now, or null when it may. */
    public static Failure refusal(Ticket ticket, Channel channel, Instant now) {
        if (ticket.status() != TicketStatus.DONE) {
            return Failure.conflict("not_served", "Only a visit that was served can be rated.");
        }
        if (channel == Channel.COUNTER_SCREEN && ticket.endedAt() != null
                && ticket.endedAt().plus(COUNTER_SCREEN_WINDOW).isBefore(now)) {
            return Failure.conflict("too_late", "This visit ended more than "
                    + COUNTER_SCREEN_WINDOW.toMinutes() + " minutes ago.");
        }
        return null;
    }
}
