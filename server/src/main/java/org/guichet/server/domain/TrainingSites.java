package org.guichet.server.domain;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A site's training copy: the same rooms, services and counters under keys of their own, always open, where agents
 * practise every action on simulated visitors. Its key is the site's behind {@value #PREFIX}, which no deployed site
 * can take (a site's id has no colon), so that an account of a site covers its copy without a second list of sites,
 * and anything counting real visitors can leave copies out by their key alone.
 */
public final class TrainingSites {

    public static final String PREFIX = "formation:";

    private TrainingSites() {
    }

    public static String copyOf(String siteId) {
        if (isCopy(siteId)) {
            throw new IllegalArgumentException("'" + siteId + "' is a training copy already");
        }
        return PREFIX + siteId;
    }

    public static boolean isCopy(String siteId) {
        return siteId != null && siteId.startsWith(PREFIX);
    }

    /** The site a training copy copies; empty for a real site. */
    public static Optional<String> realSiteOf(String siteId) {
        return isCopy(siteId) ? Optional.of(siteId.substring(PREFIX.length())) : Optional.empty();
    }

    /** The sites and their training copies. */
    public static Set<String> withCopies(Set<String> siteIds) {
        Set<String> all = new LinkedHashSet<>(siteIds);
        siteIds.stream().filter(siteId -> !isCopy(siteId)).forEach(siteId -> all.add(PREFIX + siteId));
        return Set.copyOf(all);
    }
}
