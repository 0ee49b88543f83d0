package org.guichet.server.domain.stats;

import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.TrainingSites;
import org.guichet.server.domain.ServiceDay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and checks the query parameters every statistics endpoint shares. Supervisors and admins only, and only for
 * sites they cover (403); anything malformed or inconsistent is a 400 with a plain sentence.
 */
public final class StatsQueryParser {

    /** Longest period accepted, in days (three years and a bit). */
    public static final int MAX_DAYS = 1100;
    /** Longest period grouped by day. */
    public static final int MAX_DAYS_BY_DAY = 92;
    public static final int DEFAULT_THRESHOLD_MINUTES = 20;
    /** A threshold is 1 to {@value #THRESHOLD_FINE_UP_TO} minutes, or a multiple of 5 up to {@value #THRESHOLD_MAX}. */
    public static final int THRESHOLD_FINE_UP_TO = 60;
    public static final int THRESHOLD_MAX = 180;
    public static final int THRESHOLD_STEP_BEYOND = 5;

    private final Catalog catalog;
    private final Principal principal;
    private final Instant now;

    public StatsQueryParser(Catalog catalog, Principal principal, Instant now) {
        this.catalog = catalog;
        this.principal = principal;
        this.now = now;
    }

    /** Only supervisors and admins see statistics. */
    public static void requireSupervisor(Principal principal) {
        AccessPolicy.require(principal, AccessPolicy.Action.READ_STATS, AccessPolicy.Scope.none());
    }

    /** ... of the sites they cover. */
    public static void requireSite(Principal principal, String siteId) {
        if (TrainingSites.isCopy(siteId)) {
            throw Failure.invalid("training_copy", "'" + siteId + "' is a training copy: its tickets are never "
                    + "counted in statistics.");
        }
        AccessPolicy.require(principal, AccessPolicy.Action.READ_STATS, AccessPolicy.Scope.site(siteId));
    }

    /** @param params query parameters, each with all its values (a value may also list several, comma-separated) */
    public StatsQuery parse(Map<String, List<String>> params) {
        requireSupervisor(principal);
        Set<String> siteIds = new LinkedHashSet<>();
        for (String siteId : values(params, "siteId")) {
            Catalog.Site site = catalog.sites().get(siteId);
            if (site == null) {
                throw Failure.invalid("No site '" + siteId + "'.");
            }
            requireSite(principal, site.id());
            siteIds.add(site.id());
        }
        String roomId = narrower(params, "roomId", "waiting room", catalog.rooms()::get, Catalog.Room::siteId,
                siteIds);
        String serviceId = narrower(params, "serviceId", "service", id -> {
            Catalog.Service service = catalog.services().get(id);
            return service != null && "service".equals(service.kind()) ? service : null;
        }, Catalog.Service::siteId, siteIds);
        String counterId = narrower(params, "counterId", "counter", catalog.counters()::get, Catalog.Counter::siteId,
                siteIds);
        Long agentId = agentId(single(params, "agentId"));
        if (siteIds.isEmpty()) {
            catalog.sites().keySet().stream().filter(siteId -> !TrainingSites.isCopy(siteId))
                    .filter(principal::coversSite).sorted().forEach(siteIds::add);
            if (siteIds.isEmpty()) {
                throw Failure.notAllowed("Your account covers no site.");
            }
        }
        List<String> sites = List.copyOf(siteIds);
        LocalDate today = ServiceDay.of(now, catalog.site(sites.get(0)).zone());
        LocalDate from = date(params, "from", today);
        LocalDate to = date(params, "to", from.isAfter(today) ? from : today);
        if (to.isBefore(from)) {
            throw Failure.invalid("'to' (" + to + ") is before 'from' (" + from + ").");
        }
        StatsQuery.Breakdown by = enumValue(params, "by", StatsQuery.Breakdown.class, StatsQuery.Breakdown.NONE);
        StatsQuery.Source source = enumValue(params, "source", StatsQuery.Source.class, StatsQuery.Source.AUTO);
        StatsQuery query = new StatsQuery(from, to, sites, roomId, serviceId, counterId, agentId, by,
                threshold(single(params, "thresholdMinutes")), source);
        if (query.days() > MAX_DAYS) {
            throw Failure.invalid("The period covers " + query.days() + " days; at most " + MAX_DAYS
                    + " are allowed.");
        }
        if (by == StatsQuery.Breakdown.DAY && query.days() > MAX_DAYS_BY_DAY) {
            throw Failure.invalid("Grouping by day covers at most " + MAX_DAYS_BY_DAY
                    + " days; group by month for longer periods.");
        }
        if (source == StatsQuery.Source.ROLLUP && (query.hasFineFilter() || !by.rollupCapable())) {
            throw Failure.invalid("Rollups are per site: they cannot filter or group by waiting room, "
                    + "service, counter or agent.");
        }
        return query;
    }

    private <T> String narrower(Map<String, List<String>> params, String name, String what, Function<String, T> find,
                                Function<T, String> siteOf, Set<String> siteIds) {
        String id = single(params, name);
        if (id == null) {
            return null;
        }
        T found = find.apply(id);
        if (found == null) {
            throw Failure.invalid("No " + what + " '" + id + "'.");
        }
        String siteId = siteOf.apply(found);
        if (siteIds.isEmpty()) {
            requireSite(principal, siteId);
            siteIds.add(siteId);
        } else if (!siteIds.contains(siteId)) {
            throw Failure.invalid("The " + what + " '" + id + "' is not at the chosen site(s).");
        }
        return id;
    }

    static List<String> values(Map<String, List<String>> params, String name) {
        List<String> values = new ArrayList<>();
        for (String raw : params.getOrDefault(name, List.of())) {
            Arrays.stream(raw.split(",")).map(String::trim).filter(value -> !value.isEmpty()).forEach(values::add);
        }
        return values;
    }

    static String single(Map<String, List<String>> params, String name) {
        List<String> values = values(params, name);
        if (values.size() > 1) {
            throw Failure.invalid("Give one value for '" + name + "'.");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static Long agentId(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            long id = Long.parseLong(raw);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw Failure.invalid("agentId must be a positive whole number.");
        }
    }

    private static LocalDate date(Map<String, List<String>> params, String name, LocalDate fallback) {
        String raw = single(params, name);
        if (raw == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw Failure.invalid("'" + name + "' must be a date like 2026-03-29, not '" + raw + "'.");
        }
    }

    private static int threshold(String raw) {
        if (raw == null) {
            return DEFAULT_THRESHOLD_MINUTES;
        }
        int minutes;
        try {
            minutes = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw Failure.invalid("thresholdMinutes must be a whole number of minutes.");
        }
        if (minutes < 1 || minutes > THRESHOLD_MAX
            || (minutes > THRESHOLD_FINE_UP_TO && minutes % THRESHOLD_STEP_BEYOND != 0)) {
            throw Failure.invalid("thresholdMinutes must be 1 to " + THRESHOLD_FINE_UP_TO + ", or a multiple of "
                    + THRESHOLD_STEP_BEYOND + " up to " + THRESHOLD_MAX + ".");
        }
        return minutes;
    }

    private static <E extends Enum<E>> E enumValue(Map<String, List<String>> params, String name, Class<E> type,
                                                  E fallback) {
        String raw = single(params, name);
        if (raw == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Failure.invalid("'" + name + "' must be one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList()) + ".");
        }
    }
}
