package org.guichet.server.domain;

import java.util.Set;

/**
 * Who is making a request: an agent with a role and sites, or a registered device bound to one site (and, for a screen,
 * one room; for a counter-top screen, one counter). What each may do is decided by {@link AccessPolicy}.
 */
public record Principal(Long agentId, String username, Role role, Set<String> siteIds, String deviceId,
                        String deviceKind, String roomId, String counterId, boolean mustChangePassword) {

    public static Principal agent(long agentId, String username, Role role, Set<String> siteIds) {
        return new Principal(agentId, username, role, Set.copyOf(siteIds), null, null, null, null, false);
    }

    public static Principal device(String deviceId, String kind, String siteId, String roomId, String counterId) {
        return new Principal(null, null, null, Set.of(siteId), deviceId, kind, roomId, counterId, false);
    }

    /**
     * The same agent, who must (or need no longer) choose their own password before anything else: the password was
     * set by an administrator or generated for them.
     */
    public Principal withMustChangePassword(boolean must) {
        return new Principal(agentId, username, role, siteIds, deviceId, deviceKind, roomId, counterId, must);
    }

    public boolean isAgent() {
        return agentId != null;
    }

    public boolean isDevice() {
        return deviceId != null;
    }

    public boolean isDevice(String kind) {
        return deviceId != null && deviceKind.equals(kind);
    }

    /** An admin with no listed site administers them all. */
    public boolean coversEverySite() {
        return isAgent() && role == Role.ADMIN && siteIds.isEmpty();
    }

    /** A site of the principal, or for an agent the training copy of one. */
    public boolean coversSite(String siteId) {
        return coversEverySite() || siteIds.contains(siteId)
               || isAgent() && TrainingSites.realSiteOf(siteId).filter(siteIds::contains).isPresent();
    }

    /** The one site of a device, or of an agent with a single site; null otherwise. */
    public String onlySite() {
        return siteIds.size() == 1 ? siteIds.iterator().next() : null;
    }
}
