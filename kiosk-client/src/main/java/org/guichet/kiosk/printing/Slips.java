package org.guichet.kiosk.printing;

import org.guichet.hardware.printer.OrientationSlip;
import org.guichet.hardware.printer.TicketMessages;
import org.guichet.hardware.printer.TicketSlip;
import org.guichet.kiosk.server.IssuedTicket;
import org.guichet.kiosk.server.Menu;
import org.guichet.kiosk.server.MenuEntry;
import org.guichet.kiosk.server.Orientation;

import java.net.URI;
import java.util.List;

/** Turns what the server said into what the printer prints. Pure functions. */
public final class Slips {

    private Slips() {
    }

    /**
     * The visitor's ticket: site, service in the ticket's language, number, issue time in the site's time zone,
     * people ahead, estimated wait, where to wait, the status page address (QR code) on the public server, the
     * site's footer (see {@link #footerFor}), and whether it is a priority ticket.
     */
    public static TicketSlip ticket(Menu menu, IssuedTicket ticket, URI publicServerUrl) {
        return ticket(menu, ticket, publicServerUrl, false);
    }

    /** {@link #ticket(Menu, IssuedTicket, URI)}, in large print when the visitor asked for it. */
    public static TicketSlip ticket(Menu menu, IssuedTicket ticket, URI publicServerUrl, boolean largePrint) {
        String statusUrl = ticket.statusToken() == null ? null
                : stripTrailingSlash(publicServerUrl.toString()) + "/ticket/" + ticket.statusToken();
        return new TicketSlip(menu.siteName(), ticket.serviceName(), ticket.number(),
                ticket.issuedAt().atZone(menu.zone()), ticket.peopleAhead(), ticket.estimatedWaitMinutes(), statusUrl,
                footerFor(menu, ticket.language()), ticket.language(), "PRIORITY".equals(ticket.priority()),
                largePrint, ticket.whereToWait());
    }

    /**
     * The site's footer is written in French, and translated by the site if it wishes: a ticket carries it in its own
     * language, or none, never in a language the visitor did not choose.
     */
    static String footerFor(Menu menu, String ticketLanguage) {
        return menu.footer(TicketMessages.forLanguage(ticketLanguage).language());
    }

    /** The orientation slip of an orientation entry: who handles the matter, where, when, and how to reach them. */
    public static OrientationSlip orientation(MenuEntry entry, String language) {
        Orientation where = entry.orientation() != null ? entry.orientation()
                : new Orientation("", List.of(), List.of(), null, null);
        return new OrientationSlip(entry.label(language), where.authority(), where.addressLines(), where.hours(),
                websiteUrl(where.website()), where.phone(), language);
    }

    /** A website written as "service-public.fr" becomes https://service-public.fr so that its QR code opens it. */
    static String websiteUrl(String website) {
        if (website == null) {
            return null;
        }
        return website.matches("(?i)^https?://.*") ? website : "https://" + website;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
