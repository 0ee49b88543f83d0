package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.domain.Menu;
import org.guichet.server.domain.PhoneNumber;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.domain.Tokens;
import org.guichet.server.domain.TrainingSites;
import org.guichet.server.store.PhoneTicketStore;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Tickets visitors take on their own phone, from the site's public page (a QR code on a poster in the hall): as a
 * kiosk would issue them, with two limits against abuse. A phone (a random key its browser keeps) holds one ticket in
 * progress per site; an address takes {@link #PER_ADDRESS} tickets at once, then one every
 * {@code refillEvery}, on each server node: enough for a hall whose phones share the guest Wi-Fi's one address,
 * not for a script.
 */
public final class PhoneTickets {

    public static final IssuingRate PER_ADDRESS = new IssuingRate(20, Duration.ofSeconds(30));
    private static final Pattern PHONE_KEY = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    private final TicketIssuer issuer;
    private final PhoneTicketStore phones;
    private final Catalogs catalogs;
    private final DeviceIssuingLimits addresses;
    private final SmsReminders reminders;
    private final Clock clock;

    public PhoneTickets(TicketIssuer issuer, PhoneTicketStore phones, Catalogs catalogs, SmsReminders reminders,
                        Clock clock) {
        this.issuer = issuer;
        this.reminders = reminders;
        this.phones = phones;
        this.catalogs = catalogs;
        this.addresses = new DeviceIssuingLimits(PER_ADDRESS, clock);
        this.clock = clock;
    }

    /** The site's menu for a phone: its services and whether it issues now. 404 for a site no visitor may reach. */
    public Menu menu(String siteId) {
        return Menu.of(catalogs.get(), site(siteId).id(), clock.instant());
    }

    /**
     * Issues the ticket, or refuses it: 429 {@code phone_has_ticket} when this phone's ticket at the site is still in
     * progress (its status path is said, so that the page can show it again), 429 {@code too_many_tickets} past the
     * address's allowance; as a kiosk is refused otherwise (closed, unknown service, priority).
     */
    public Future<Issued> take(String siteId, String serviceId, PriorityClass priority, String language,
                               String phoneKey, String idempotencyKey, String address, String smsPhone) {
        Catalog.Site site = site(siteId);
        PhoneNumber reminderNumber = reminders.numberFor(smsPhone);
        if (phoneKey == null || !PHONE_KEY.matcher(phoneKey).matches()) {
            throw Failure.invalid("'phoneKey' must be 22 to 64 letters, digits, - or _ (the page makes it).");
        }
        // Before any query: a script refused costs nothing.
        addresses.take(address == null ? "unknown" : address, "too_many_tickets",
                "Too many tickets were taken from this address");
        byte[] key = Tokens.hash(phoneKey);
        return phones.inProgress(site.id(), key).compose(current -> {
            if (current.isPresent()) {
                throw Failure.tooManyAttempts("phone_has_ticket", "This phone already has a ticket in progress here.",
                        new JsonObject().put("statusPath", "/ticket/" + current.get()));
            }
            // The page's key for this tap: a tap sent twice (a double tap, a retry) gets the same ticket.
            return issuer.issueForPhone(new IssueRequest(site.id(), serviceId, priority, language, idempotencyKey))
                    .compose(issued -> phones.record(issued.ticket().id(), site.id(), key)
                            .compose(recorded -> reminderNumber == null || issued.replayed() ? Future.succeededFuture()
                                    : reminders.register(issued.ticket().id(), site.id(), reminderNumber))
                            .map(issued));
        });
    }

    /** A site a visitor may take tickets for (active, not a training copy), or 404. */
    public Catalog.Site site(String siteId) {
        Catalog.Site site = siteId == null ? null : catalogs.get().sites().get(siteId);
        if (site == null || !site.active() || TrainingSites.isCopy(site.id())) {
            throw Failure.notFound("No site '" + siteId + "'.");
        }
        return site;
    }
}
