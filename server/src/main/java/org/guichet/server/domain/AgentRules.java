package org.guichet.server.domain;

import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy.Scope;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may create, change, deactivate and reactivate which account, and what a valid account is. Pure: the services
 * ask it before they write. Scoped administration: an administrator of every site (role admin, no site) manages every
 * account; an administrator of some sites manages only the accounts whose sites are all among theirs, gives only
 * those sites and roles up to their own, and never makes an account of every site; supervisors and agents manage no
 * one. Nobody changes their own role or sites, nor deactivates themself (someone else must), so that no administrator
 * locks themself out by mistake. Keeping one active administrator of every site is checked where accounts are
 * stored, since it depends on all of them.
 */
public final class AgentRules {

    public static final int MAX_DISPLAY_NAME = 100;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");

    /** A change asked for: null fields stay as they are. */
    public record Change(String displayName, Role role, List<String> siteIds) {

        public boolean isEmpty() {
            return displayName == null && role == null && siteIds == null;
        }
    }

    private AgentRules() {
    }

    /** Fails as invalid, saying why, unless the username may be given to an account. */
    public static void requireUsername(String username) {
        String reason = usernameProblem(username);
        if (reason != null) {
            throw Failure.invalid(reason);
        }
    }

    /** Why the username may not be given to an account; null when it may. */
    public static String usernameProblem(String username) {
        return username != null && USERNAME.matcher(username).matches() ? null
                : "A username has 2 to 64 letters, digits, dots, dashes or @.";
    }

    /** Why an account of this role may not have these sites; null when it may. */
    public static String sitesProblem(Role role, List<String> siteIds) {
        if (role != Role.ADMIN && siteIds.isEmpty()) {
            return "An agent or supervisor needs at least one site.";
        }
        return null;
    }

    /** Why a display name may not be given; null when it may. */
    public static String displayNameProblem(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "A display name cannot be empty.";
        }
        return displayName.length() > MAX_DISPLAY_NAME
                ? "A display name has at most " + MAX_DISPLAY_NAME + " characters." : null;
    }

    /** The principal may manage an account with this role and these sites (to create it, or as it is now). */
    public static void requireManage(Principal principal, Role role, List<String> siteIds) {
        AccessPolicy.require(principal, Action.MANAGE_AGENT, Scope.account(Set.copyOf(siteIds), role));
    }

    public static void requireManage(Principal principal, Agent agent) {
        requireManage(principal, agent.role(), agent.siteIds());
    }

    /**
     * The account as the change would leave it, if the principal may make it: they must manage the account both as
     * it is and as it would become. Fails as invalid, or not allowed, saying why.
     */
    public static Agent changed(Principal principal, Agent agent, Change change) {
        if (change.isEmpty()) {
            throw Failure.invalid("Give at least one of displayName, role, siteIds.");
        }
        requireManage(principal, agent);
        String displayName = change.displayName() == null ? agent.displayName() : change.displayName().strip();
        String nameProblem = displayNameProblem(displayName);
        if (nameProblem != null) {
            throw Failure.invalid(nameProblem);
        }
        Role role = change.role() == null ? agent.role() : change.role();
        List<String> siteIds = change.siteIds() == null ? agent.siteIds()
                : List.copyOf(new LinkedHashSet<>(change.siteIds()));
        String sitesProblem = sitesProblem(role, siteIds);
        if (sitesProblem != null) {
            throw Failure.invalid(sitesProblem);
        }
        Agent after = new Agent(agent.id(), agent.username(), displayName, role, agent.active(), siteIds,
                agent.version());
        if (accessChanges(agent, after) && Objects.equals(principal.agentId(), agent.id())) {
            throw Failure.notAllowed("You cannot change your own role or sites; ask another administrator.");
        }
        requireManage(principal, after);
        return after;
    }

    /** The change gives the account other rights: its sessions must end, so that the new rights apply at once. */
    public static boolean accessChanges(Agent before, Agent after) {
        return before.role() != after.role() || !Set.copyOf(before.siteIds()).equals(Set.copyOf(after.siteIds()));
    }

    /** The principal may deactivate (or reactivate) the account. */
    public static void requireActivation(Principal principal, Agent agent, boolean active) {
        requireManage(principal, agent);
        if (!active && Objects.equals(principal.agentId(), agent.id())) {
            throw Failure.notAllowed("You cannot deactivate your own account; ask another administrator.");
        }
        if (agent.active() == active) {
            throw Failure.conflict(active ? "already_active" : "already_inactive",
                    "This account is already " + (active ? "active." : "deactivated."));
        }
    }

    /** Refusal when a change would leave no active administrator of every site. */
    public static Failure lastNetworkAdmin() {
        return Failure.conflict("last_admin", "This is the last active administrator of every site; make another "
                                              + "account an administrator of every site first.");
    }
}
