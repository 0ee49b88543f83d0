package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Appointment;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.stats.AppointmentFigures;
import org.guichet.server.service.Appointments;

import java.util.List;

/** Appointments as the visitor who booked sees them (by their link), and their figures for supervisors. */
public final class AppointmentView {

    private AppointmentView() {
    }

    /** The services of a site that take appointments, with their names in every language. */
    public static JsonArray services(List<Catalog.Service> services) {
        JsonArray list = new JsonArray();
        services.forEach(service -> list.add(new JsonObject().put("id", service.id()).put("name", service.name())
                .put("translations", service.translations().copy())
                .put("slotMinutes", service.appointments().slotMinutes())));
        return list;
    }

    public static JsonArray slots(List<Appointments.Slot> slots) {
        JsonArray list = new JsonArray();
        slots.forEach(slot -> list.add(new JsonObject().put("startsAt", slot.startsAt().toString())
                .put("remaining", slot.remaining())));
        return list;
    }

    /** Appointments at hand, as a kiosk shows them: the time and the first letter of the name given, no more. */
    public static JsonArray atHand(List<Appointment> appointments) {
        JsonArray list = new JsonArray();
        appointments.forEach(appointment -> list.add(new JsonObject().put("id", appointment.id())
                .put("startsAt", appointment.startsAt().toString())
                .put("initial", appointment.name() == null || appointment.name().isBlank() ? null
                        : appointment.name().strip().substring(0, 1).toUpperCase(java.util.Locale.ROOT))));
        return list;
    }

    /** For the visitor (their confirmation and their link's page): no agent, no ticket id. */
    public static JsonObject forVisitor(Appointment appointment, Catalog catalog) {
        Catalog.Service service = catalog.services().get(appointment.serviceId());
        Catalog.Site site = catalog.sites().get(appointment.siteId());
        return new JsonObject().put("siteId", appointment.siteId())
                .put("siteName", site == null ? null : site.name()).put("timeZone", site == null ? null
                        : site.zone().getId())
                .put("serviceId", appointment.serviceId())
                .put("serviceName", service == null ? null : service.name(appointment.language()))
                .put("startsAt", appointment.startsAt().toString()).put("slotMinutes", appointment.slotMinutes())
                .put("code", appointment.code()).put("name", appointment.name())
                .put("language", appointment.language()).put("status", appointment.status().name())
                .put("path", "/rdv/a/" + appointment.token()).put("token", appointment.token());
    }

    public static JsonObject figures(List<AppointmentFigures> figures, Catalog catalog) {
        JsonArray rows = new JsonArray();
        figures.forEach(row -> {
            Catalog.Service service = catalog.services().get(row.serviceId());
            // Of the appointments that came due: those checked in, and those missed.
            long honoured = row.checkedIn() + row.noShows();
            rows.add(new JsonObject().put("siteId", row.siteId()).put("serviceId", row.serviceId())
                    .put("serviceName", service == null ? row.serviceId() : service.name())
                    .put("appointments", row.appointments()).put("cancelled", row.cancelled())
                    .put("noShows", row.noShows()).put("checkedIn", row.checkedIn()).put("called", row.called())
                    .put("noShowShare", honoured == 0 ? null : (double) row.noShows() / honoured)
                    .put("meanLatenessSeconds", row.meanLatenessSeconds() == null ? null
                            : Math.round(row.meanLatenessSeconds()))
                    .put("calledOnTime", row.calledOnTime())
                    .put("calledOnTimeShare", row.called() == 0 ? null : (double) row.calledOnTime() / row.called())
                    .put("tickets", row.tickets()).put("appointmentTickets", row.appointmentTickets())
                    .put("appointmentShare", row.tickets() == 0 ? null
                            : (double) row.appointmentTickets() / row.tickets()));
        });
        return new JsonObject().put("rows", rows);
    }
}
