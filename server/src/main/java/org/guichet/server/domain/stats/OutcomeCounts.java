package org.guichet.server.domain.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What came of the visits of a period, per site and local hour of arrival: visitors served, those served with each
 * outcome code, and visitors oriented to each partner. Which requests reach the wrong place shows in the orientations:
 * input for signage and for the agents' training.
 */
public final class OutcomeCounts {

    public enum Kind { SERVED, OUTCOME, PARTNER }

    private static final class Site {
        final long[] served = new long[24];
        final Map<String, long[]> outcomes = new TreeMap<>();
        final Map<String, long[]> partners = new TreeMap<>();
    }

    private final Map<String, Site> sites = new TreeMap<>();

    /** Adds the count of one site, kind, code (null for SERVED) and local hour (0..23). */
    public void add(String siteId, Kind kind, String code, int hour, long count) {
        Site site = sites.computeIfAbsent(siteId, id -> new Site());
        long[] hours = switch (kind) {
            case SERVED -> site.served;
            case OUTCOME -> site.outcomes.computeIfAbsent(code, c -> new long[24]);
            case PARTNER -> site.partners.computeIfAbsent(code, c -> new long[24]);
        };
        hours[hour] += count;
    }

    /**
     * {@code {sites: [{siteId, served, hours, outcomes: [{key, label, count, share, hours}], orientations: [...]}],
     * total: {served, outcomes, orientations}}}; shares are of the visitors served; rows by count, largest first.
     *
     * @param outcomeLabel the name of an outcome code at a site
     * @param partnerLabel the name of a partner
     */
    public JsonObject toJson(BiFunction<String, String, String> outcomeLabel, Function<String, String> partnerLabel) {
        JsonArray list = new JsonArray();
        Site total = new Site();
        sites.forEach((siteId, site) -> {
            list.add(site(site, code -> outcomeLabel.apply(siteId, code), partnerLabel).put("siteId", siteId));
            addInto(total.served, site.served);
            site.outcomes.forEach((code, hours) -> addInto(total.outcomes.computeIfAbsent(code, c -> new long[24]),
                    hours));
            site.partners.forEach((code, hours) -> addInto(total.partners.computeIfAbsent(code, c -> new long[24]),
                    hours));
        });
        String firstSite = sites.size() == 1 ? sites.keySet().iterator().next() : null;
        return new JsonObject().put("sites", list).put("total", site(total,
                code -> firstSite != null ? outcomeLabel.apply(firstSite, code) : sitesLabel(outcomeLabel, code),
                partnerLabel));
    }

    private String sitesLabel(BiFunction<String, String, String> outcomeLabel, String code) {
        return sites.keySet().stream().map(siteId -> outcomeLabel.apply(siteId, code))
                .filter(label -> !label.equals(code)).findFirst().orElse(code);
    }

    private static JsonObject site(Site site, Function<String, String> outcomeLabel,
                                   Function<String, String> partnerLabel) {
        long served = sum(site.served);
        return new JsonObject().put("served", served).put("hours", hours(site.served))
                .put("outcomes", rows(site.outcomes, outcomeLabel, served))
                .put("orientations", rows(site.partners, partnerLabel, served));
    }

    private static JsonArray rows(Map<String, long[]> counts, Function<String, String> label, long served) {
        JsonArray rows = new JsonArray();
        counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -sum(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .forEach(entry -> {
                    long count = sum(entry.getValue());
                    rows.add(new JsonObject().put("key", entry.getKey()).put("label", label.apply(entry.getKey()))
                            .put("count", count)
                            .put("share", served == 0 ? null : Math.round(10000.0 * count / served) / 10000.0)
                            .put("hours", hours(entry.getValue())));
                });
        return rows;
    }

    private static JsonArray hours(long[] counts) {
        JsonArray hours = new JsonArray();
        for (long count : counts) {
            hours.add(count);
        }
        return hours;
    }

    private static long sum(long[] counts) {
        long sum = 0;
        for (long count : counts) {
            sum += count;
        }
        return sum;
    }

    private static void addInto(long[] target, long[] counts) {
        for (int i = 0; i < counts.length; i++) {
            target[i] += counts[i];
        }
    }
}
