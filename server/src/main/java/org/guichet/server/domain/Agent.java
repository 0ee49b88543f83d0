package org.guichet.server.domain;

import java.util.List;

/** An agent's account: a person who logs in at a counter, in supervision or in administration. */
public record Agent(long id, String username, String displayName, Role role, boolean active, List<String> siteIds) {

    public Agent {
        siteIds = List.copyOf(siteIds);
    }
}
