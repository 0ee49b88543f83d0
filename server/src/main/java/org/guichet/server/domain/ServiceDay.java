package org.guichet.server.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Numbering restarts with each service day, which is the calendar day in the site's own time zone. */
public final class ServiceDay {

    private ServiceDay() {
    }

    public static LocalDate of(Instant instant, ZoneId siteZone) {
        return instant.atZone(siteZone).toLocalDate();
    }
}
