package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Appointment;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.PhoneNumber;
import org.guichet.server.domain.ReminderText;
import org.guichet.server.domain.TicketStatus;
import org.guichet.server.sms.SmsCounters;
import org.guichet.server.sms.SmsGateway;
import org.guichet.server.store.AppointmentStore;
import org.guichet.server.store.ReminderStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SMS reminders of tickets taken on a phone: a visitor who gave a number gets one SMS when {@link #WARN_AHEAD} or
 * fewer people are before them (as their ticket page warns). The number is sealed until then and erased once the
 * reminder is sent, failed or no longer needed (the ticket called, ended or of another day). Sending never holds the
 * queue: reminders are checked by a periodic job and sent on their own, retried by the gateway.
 */
public final class SmsReminders {

    public static final int WARN_AHEAD = 3;
    static final int BATCH = 200;

    private final ReminderStore store;
    private final AppointmentStore appointments;
    private final TicketQueries queries;
    private final Catalogs catalogs;
    private final ContactCipher cipher;
    private final SmsGateway gateway;
    private final SmsCounters counters;
    private final boolean enabled;
    private final Clock clock;

    public SmsReminders(ReminderStore store, AppointmentStore appointments, TicketQueries queries, Catalogs catalogs,
                        ContactCipher cipher, SmsGateway gateway, SmsCounters counters, boolean enabled, Clock clock) {
        this.store = store;
        this.appointments = appointments;
        this.queries = queries;
        this.catalogs = catalogs;
        this.cipher = cipher;
        this.gateway = gateway;
        this.counters = counters;
        this.enabled = enabled;
        this.clock = clock;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The number a visitor gave, checked before their ticket is issued; null when they gave none. */
    public PhoneNumber numberFor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!enabled) {
            throw Failure.invalid("sms_off", "SMS reminders are not offered here.");
        }
        PhoneNumber number = PhoneNumber.parse(text);
        if (!number.mobile()) {
            throw Failure.invalid("bad_phone_number", "Please give a mobile number: a reminder is a text message.");
        }
        return number;
    }

    /** A number sealed for one appointment's reminder (its secret token in the purpose). */
    public byte[] sealForAppointment(PhoneNumber number, String appointmentToken) {
        return cipher.seal(number.e164(), "appointment:" + appointmentToken);
    }

    /**
     * Sends the reminders of appointments due within {@code reminderMinutes} (each claimed by one node), and erases
     * the numbers of those no longer needed; sending goes on after this returns.
     */
    public Future<Integer> sendAppointmentReminders(int reminderMinutes) {
        Instant now = clock.instant();
        return appointments.dropReminders(BATCH).compose(dropped -> appointments.claimReminders(
                now.plus(java.time.Duration.ofMinutes(reminderMinutes)), BATCH)).map(claimed -> {
                    claimed.forEach(this::remind);
                    return claimed.size();
                });
    }

    private void remind(AppointmentStore.Reminder reminder) {
        Appointment appointment = reminder.appointment();
        Catalog catalog = catalogs.get();
        Catalog.Site site = catalog.sites().get(appointment.siteId());
        Catalog.Service service = catalog.services().get(appointment.serviceId());
        PhoneNumber number = PhoneNumber.parse(cipher.open(reminder.sealedNumber(),
                "appointment:" + appointment.token()));
        String text = ReminderText.appointment(appointment.language(), site == null ? "Guichet" : site.name(),
                service == null ? "" : service.name(appointment.language()),
                appointment.startsAt().atZone(site == null ? java.time.ZoneOffset.UTC : site.zone()),
                appointment.code());
        gateway.send(number, text).compose(receipt -> appointments.finishReminder(appointment.id(), "SENT"),
                failure -> appointments.finishReminder(appointment.id(), "FAILED"));
    }

    public Future<Void> register(long ticketId, String siteId, PhoneNumber number) {
        return store.insert(ticketId, siteId, cipher.seal(number.e164(), purpose(siteId)), clock.instant());
    }

    /**
     * Looks at every pending reminder once: sends those whose ticket has {@link #WARN_AHEAD} or fewer people before it,
     * drops those whose ticket no longer waits; the others stay pending. Sending goes on after this returns.
     */
    public Future<Integer> sendDue() {
        return store.pending(BATCH).compose(pending -> {
            List<Future<Boolean>> looked = new ArrayList<>();
            pending.forEach(reminder -> looked.add(look(reminder)));
            return Future.join(looked).map(done -> (int) looked.stream().filter(Future::result).count());
        });
    }

    /** Whether a sending started for this reminder. */
    private Future<Boolean> look(ReminderStore.Pending reminder) {
        return queries.visitorTicket(reminder.statusToken())
                .compose(visitor -> {
                    if (visitor.ticket().status() != TicketStatus.WAITING) {
                        return store.finish(reminder.ticketId(), "DROPPED", null, clock.instant()).map(false);
                    }
                    if (visitor.peopleAhead() > WARN_AHEAD) {
                        return Future.succeededFuture(false);
                    }
                    return store.claim(reminder.ticketId()).map(sealed -> {
                        sealed.ifPresent(bytes -> send(reminder, bytes, visitor));
                        return sealed.isPresent();
                    });
                }, failure -> failure instanceof Failure refused && refused.kind() != Failure.Kind.UNAVAILABLE
                        ? store.finish(reminder.ticketId(), "DROPPED", null, clock.instant()).map(false)
                        : Future.failedFuture(failure));
    }

    private void send(ReminderStore.Pending reminder, byte[] sealed, TicketQueries.VisitorTicket visitor) {
        Catalog.Site site = catalogs.get().sites().get(reminder.siteId());
        PhoneNumber number = PhoneNumber.parse(cipher.open(sealed, purpose(reminder.siteId())));
        String text = ReminderText.text(visitor.ticket().language(), site == null ? "Guichet" : site.name(),
                visitor.peopleAhead(), visitor.ticket().number());
        gateway.send(number, text)
                .compose(receipt -> store.finish(reminder.ticketId(), "SENT", null, clock.instant()),
                        failure -> store.finish(reminder.ticketId(), "FAILED", failure.getMessage(), clock.instant()));
    }

    /** This node's sending figures and the reminders' statuses, for supervisors. */
    public Future<JsonObject> report(org.guichet.server.domain.Principal principal) {
        org.guichet.server.domain.stats.StatsQueryParser.requireSupervisor(principal);
        return store.counts().map(counts -> new JsonObject().put("enabled", enabled)
                .put("thisNode", counters.toJson()).put("reminders", new JsonObject(new java.util.LinkedHashMap<>(counts))));
    }

    static String purpose(String siteId) {
        return "reminder:" + siteId;
    }
}
