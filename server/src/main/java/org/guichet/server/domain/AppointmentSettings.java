package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;

/**
 * When a visitor with an appointment may check in ({@code appointments:} in the configuration).
 *
 * @param earlyMinutes how long before the booked time the kiosk checks a visitor in (their ticket is then called
 *                     at the booked time, after the walk-ins before it)
 * @param lateMinutes  how long after it; later, the appointment is missed (a no-show) and the visitor takes an
 *                     ordinary ticket
 * @param reminderMinutes how long before the booked time the SMS reminder goes, to visitors who asked for one
 */
public record AppointmentSettings(int earlyMinutes, int lateMinutes, int reminderMinutes) {

    public static final int DEFAULT_EARLY_MINUTES = 60;
    public static final int DEFAULT_LATE_MINUTES = 15;
    public static final int DEFAULT_REMINDER_MINUTES = 120;

    public AppointmentSettings {
        if (earlyMinutes < 0 || earlyMinutes > 240 || lateMinutes < 0 || lateMinutes > 240) {
            throw new IllegalArgumentException("appointments.earlyMinutes and appointments.lateMinutes must be whole "
                    + "numbers of minutes from 0 to 240.");
        }
        if (reminderMinutes < 10 || reminderMinutes > 2880) {
            throw new IllegalArgumentException("appointments.reminderMinutes must be a whole number of minutes from "
                    + "10 to 2880 (two days).");
        }
    }

    public AppointmentSettings(int earlyMinutes, int lateMinutes) {
        this(earlyMinutes, lateMinutes, DEFAULT_REMINDER_MINUTES);
    }

    public static AppointmentSettings defaults() {
        return new AppointmentSettings(DEFAULT_EARLY_MINUTES, DEFAULT_LATE_MINUTES);
    }

    /** {@code appointments: {earlyMinutes, lateMinutes}}; absent ones at their default. */
    public static AppointmentSettings fromConfig(JsonObject config) {
        Object section = config.getValue("appointments");
        JsonObject appointments = section instanceof JsonObject object ? object : new JsonObject();
        return new AppointmentSettings(whole(appointments, "earlyMinutes", DEFAULT_EARLY_MINUTES),
                whole(appointments, "lateMinutes", DEFAULT_LATE_MINUTES),
                whole(appointments, "reminderMinutes", DEFAULT_REMINDER_MINUTES));
    }

    private static int whole(JsonObject section, String key, int defaultValue) {
        Object value = section.getValue(key, defaultValue);
        if (!(value instanceof Integer minutes)) {
            throw new IllegalArgumentException("appointments." + key + " must be a whole number of minutes (got "
                    + value + ").");
        }
        return minutes;
    }
}
