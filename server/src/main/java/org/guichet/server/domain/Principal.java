package org.guichet.server.domain;


import java.util.Set;

/** Who is making a request: an agent with a role and sites, or a registered device bound to one site. */
public record Principal(Long agentId, String username, Role role, Set<String> siteIds, String deviceId,
                        String deviceKind, String roomId, String counterId) {

    public static Principal agent(long agentId, String username, Role role, Set<String> siteIds) {
        return new Principal(agentId, username, role, Set.copyOf(siteIds), null, null, null, null);
    }

    public static Principal device(String deviceId, String kind, String siteId, String roomId, String counterId) {
        return new Principal(null, null, null, Set.of(siteId), deviceId, kind, roomId, counterId);
    }

    public boolean isAgent() {
        return agentId != null;
    }

    public boolean isDevice(String kind) {
        return deviceId != null && deviceKind.equals(kind);
    }

    /** An admin with no listed site administers them all. */
    public boolean coversSite(String siteId) {
        if (isAgent() && role == Role.ADMIN && siteIds.isEmpty()) {
            return true;
        }
        return siteIds.contains(siteId);
    }

    public Principal requireAgent(Role minimum, String siteId) {
        if (!isAgent()) {
            throw Failure.notAllowed("This needs an agent account, not a device.");
        }
        if (!role.atLeast(minimum)) {
            throw Failure.notAllowed("This needs the " + minimum.dbName() + " role.");
        }
        if (siteId != null && !coversSite(siteId)) {
            throw Failure.notAllowed("Your account does not cover site '" + siteId + "'.");
        }
        return this;
    }

    public void requireSite(String siteId) {
        if (!coversSite(siteId)) {
            throw Failure.notAllowed("Not allowed for site '" + siteId + "'.");
        }
    }
}
