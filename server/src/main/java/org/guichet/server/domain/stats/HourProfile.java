package org.guichet.server.domain.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Arrivals (new tickets), called tickets and their summed wait by the local hour (0..23) and ISO weekday (1 = Monday
 * .. 7) at which tickets joined the queue, in each site's own time zone.
 */
public record HourProfile(long[] hourArrivals, long[] hourCalled, long[] hourWaitSum, long[] dayArrivals,
                          long[] dayCalled, long[] dayWaitSum) {

    public static HourProfile empty() {
        return new HourProfile(new long[24], new long[24], new long[24], new long[7], new long[7], new long[7]);
    }

    /** Adds one slot's figures: {@code hour} 0..23, or {@code weekday} 1..7 when {@code isHour} is false. */
    public void add(boolean isHour, int slot, long arrivals, long called, long waitSum) {
        int index = isHour ? slot : slot - 1;
        (isHour ? hourArrivals : dayArrivals)[index] += arrivals;
        (isHour ? hourCalled : dayCalled)[index] += called;
        (isHour ? hourWaitSum : dayWaitSum)[index] += waitSum;
    }

    public JsonObject toJson() {
        JsonArray hours = new JsonArray();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(slot("hour", hour, hourArrivals[hour], hourCalled[hour], hourWaitSum[hour]));
        }
        JsonArray weekdays = new JsonArray();
        for (int day = 1; day <= 7; day++) {
            weekdays.add(slot("weekday", day, dayArrivals[day - 1], dayCalled[day - 1], dayWaitSum[day - 1]));
        }
        return new JsonObject().put("hours", hours).put("weekdays", weekdays);
    }

    private static JsonObject slot(String name, int value, long arrivals, long called, long waitSum) {
        return new JsonObject().put(name, value).put("arrivals", arrivals).put("called", called)
                .put("averageWaitSeconds", called == 0 ? null : DurationStats.round((double) waitSum / called));
    }
}
