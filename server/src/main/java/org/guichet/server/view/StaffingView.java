package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.OpeningCalendar;
import org.guichet.server.domain.stats.ErlangC;
import org.guichet.server.domain.stats.StaffingPlan;
import org.guichet.server.service.StaffingAdvisor;

/**
 * Staffing advice as JSON: the week, what it rests on, then for each day and open hour the counters recommended per
 * service with what Erlang C expects of them, and what was measured on the day it is compared with.
 */
public final class StaffingView {

    private StaffingView() {
    }

    public static JsonObject advice(StaffingAdvisor.Advice advice, Catalog catalog) {
        StaffingAdvisor.Request request = advice.request();
        JsonArray days = new JsonArray();
        advice.days().forEach(day -> days.add(day(day, catalog)));
        return new JsonObject().put("siteId", request.site().id()).put("name", request.site().name())
                .put("timeZone", request.site().zone().getId()).put("week", request.monday().toString())
                .put("weeks", request.weeks()).put("targetPercent", Math.round(request.targetShare() * 100))
                .put("model", "erlang-c")
                .put("sample", new JsonObject().put("from", advice.sampleFrom().toString())
                        .put("to", advice.sampleTo().toString()))
                .put("days", days);
    }

    private static JsonObject day(StaffingAdvisor.DayAdvice advice, Catalog catalog) {
        StaffingPlan.Day plan = advice.plan();
        JsonArray openings = new JsonArray();
        plan.openings().forEach(range -> openings.add(range(range)));
        JsonArray hours = new JsonArray();
        double measuredCounterHours = 0;
        for (StaffingPlan.Hour hour : plan.hours()) {
            StaffingAdvisor.MeasuredHour measured = advice.measured().get(hour.hour());
            hours.add(hour(hour, measured, catalog));
            measuredCounterHours += measured == null ? 0 : measured.countersOpen();
        }
        return new JsonObject().put("date", plan.date().toString()).put("weekday", plan.date().getDayOfWeek().getValue())
                .put("openings", openings).put("sampleDays", plan.sampleDays())
                .put("counterHours", plan.counterHours())
                .put("measuredDay", advice.measuredDay().toString())
                .put("measuredCounterHours", round(measuredCounterHours, 1))
                .put("hours", hours);
    }

    private static JsonObject hour(StaffingPlan.Hour hour, StaffingAdvisor.MeasuredHour measured, Catalog catalog) {
        JsonArray services = new JsonArray();
        double arrivals = 0;
        double within = 0;
        for (StaffingPlan.ServiceHour service : hour.services()) {
            services.add(service(service, catalog));
            if (service.outcome() != null) {
                arrivals += service.arrivalsPerHour();
                within += service.arrivalsPerHour() * service.outcome().shareWithinTarget();
            }
        }
        return new JsonObject().put("hour", hour.hour()).put("openMinutes", hour.openSeconds() / 60)
                .put("counters", hour.counters())
                .put("expectedShareWithinTarget", arrivals == 0 ? null : round(within / arrivals, 4))
                .put("services", services)
                .put("measured", measured == null ? null : measured(measured));
    }

    private static JsonObject service(StaffingPlan.ServiceHour service, Catalog catalog) {
        Catalog.Service known = catalog.services().get(service.serviceId());
        JsonObject json = new JsonObject().put("serviceId", service.serviceId())
                .put("name", known == null ? service.serviceId() : known.name())
                .put("arrivalsPerHour", round(service.arrivalsPerHour(), 2))
                .put("handlingSeconds", service.handlingSeconds() == null ? null
                        : Math.round(service.handlingSeconds()))
                .put("targetMinutes", service.targetSeconds() / 60)
                .put("counters", service.counters());
        ErlangC.Outcome outcome = service.outcome();
        if (outcome != null) {
            json.put("trafficErlangs", round(outcome.trafficErlangs(), 3))
                    .put("occupancy", round(outcome.occupancy(), 4))
                    .put("probabilityOfWaiting", round(outcome.probabilityOfWaiting(), 4))
                    .put("averageWaitSeconds", Double.isInfinite(outcome.averageWaitSeconds()) ? null
                            : round(outcome.averageWaitSeconds(), 1))
                    .put("shareWithinTarget", round(outcome.shareWithinTarget(), 4));
        }
        return json;
    }

    private static JsonObject measured(StaffingAdvisor.MeasuredHour measured) {
        return new JsonObject().put("countersOpen", round(measured.countersOpen(), 2))
                .put("occupancy", measured.counters().occupancy())
                .put("called", measured.called()).put("withinTarget", measured.withinTarget())
                .put("shareWithinTarget", measured.called() == 0 ? null
                        : round((double) measured.withinTarget() / measured.called(), 4));
    }

    private static String range(OpeningCalendar.Range range) {
        return range.opens() + "-" + (range.closes().equals(java.time.LocalTime.MAX) ? "24:00" : range.closes());
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
