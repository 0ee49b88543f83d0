package org.guichet.server.domain;

import java.util.List;

/**
 * An agent's account: a person who logs in at a counter, in supervision or in administration. An account with no
 * site is an administrator of every site (a network administrator); {@code version} grows by one at every change of
 * name, role, sites or activity.
 */
public record Agent(long id, String username, String displayName, Role role, boolean active, List<String> siteIds,
                    int version) {

    public Agent {
        siteIds = List.copyOf(siteIds);
    }

    /** An administrator of every site: role admin, no site listed. */
    public boolean networkAdmin() {
        return role == Role.ADMIN && siteIds.isEmpty();
    }
}
