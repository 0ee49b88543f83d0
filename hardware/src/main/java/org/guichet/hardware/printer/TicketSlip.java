package org.guichet.hardware.printer;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What a visitor's ticket says.
 *
 * @param siteName             reception site, printed first (e.g. "Mairie de Montpellier")
 * @param serviceName          service the visitor queues for
 * @param number               the ticket number called on screens (e.g. "A042"), printed very large
 * @param issuedAt             when the ticket was issued, printed in its own time zone
 * @param peopleAhead          visitors waiting before this one, 0 or more
 * @param estimatedWaitMinutes estimated wait, or null when the server gives none because no counter serving the
 *                             service is open yet (the ticket then says so)
 * @param statusUrl            page that follows this ticket on a phone, printed as a QR code; null for none
 * @param footer               closing line (e.g. "Merci de votre patience"); null or blank for none
 * @param language             visitor's language: "fr", "en", "es" or "oc" (anything else prints in French)
 * @param priority             a priority ticket (reduced mobility, disability, pregnancy): the ticket says so, as the
 *                             kiosk's screen did
 * @param largePrint           every line printed at double width and height (for low vision), the number still larger
 * @param whereToWait          where to wait, a line each (room, building and floor; directions), in the ticket's
 *                             language; empty for a site that says nothing of its rooms
 */
public record TicketSlip(
        String siteName,
        String serviceName,
        String number,
        ZonedDateTime issuedAt,
        int peopleAhead,
        Integer estimatedWaitMinutes,
        String statusUrl,
        String footer,
        String language,
        boolean priority,
        boolean largePrint,
        List<String> whereToWait) {

    /** A ticket that says nothing of where to wait. */
    public TicketSlip(String siteName, String serviceName, String number, ZonedDateTime issuedAt, int peopleAhead,
                      Integer estimatedWaitMinutes, String statusUrl, String footer, String language,
                      boolean priority, boolean largePrint) {
        this(siteName, serviceName, number, issuedAt, peopleAhead, estimatedWaitMinutes, statusUrl, footer, language,
                priority, largePrint, List.of());
    }

    /** An ordinary ticket. */
    public TicketSlip(String siteName, String serviceName, String number, ZonedDateTime issuedAt, int peopleAhead,
                      Integer estimatedWaitMinutes, String statusUrl, String footer, String language) {
        this(siteName, serviceName, number, issuedAt, peopleAhead, estimatedWaitMinutes, statusUrl, footer, language,
                false);
    }

    /** A ticket in ordinary print. */
    public TicketSlip(String siteName, String serviceName, String number, ZonedDateTime issuedAt, int peopleAhead,
                      Integer estimatedWaitMinutes, String statusUrl, String footer, String language,
                      boolean priority) {
        this(siteName, serviceName, number, issuedAt, peopleAhead, estimatedWaitMinutes, statusUrl, footer, language,
                priority, false);
    }

    public TicketSlip {
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (number.isBlank()) {
            throw new IllegalArgumentException("number must not be blank");
        }
        if (peopleAhead < 0) {
            throw new IllegalArgumentException("peopleAhead must be 0 or more, was " + peopleAhead);
        }
        if (estimatedWaitMinutes != null && estimatedWaitMinutes < 0) {
            throw new IllegalArgumentException("estimatedWaitMinutes must be 0 or more, was " + estimatedWaitMinutes);
        }
        whereToWait = whereToWait == null ? List.of()
                : whereToWait.stream().filter(line -> line != null && !line.isBlank()).toList();
    }
}
