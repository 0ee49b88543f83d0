package org.guichet.server.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what, decided in one place. Each action names the least agent role it needs (or none: agents may not),
 * the kinds of device that may do it, and how far a device's binding must match (its site, its room, its counter).
 * An agent must cover the action's sites; an administrator with no listed site covers every site. Pure: the services
 * ask before they act, the bridge before it lets a browser listen; {@code AccessPolicyTest} holds the whole table.
 */
public final class AccessPolicy {

    public enum Action {
        ISSUE_TICKET, READ_TICKET, CALL_TICKET, ACT_ON_HELD_TICKET, CANCEL_TICKET,
        READ_COUNTER, READ_WAITING_LIST, OPERATE_COUNTER, OPERATE_HELD_COUNTER, READ_OWN_DAY,
        READ_SITE, READ_ROOM_DISPLAY, SEND_HEARTBEAT, CHANGE_OWN_PASSWORD,
        CONFIGURE_SITES, LIST_AGENTS, READ_AGENT, MANAGE_AGENT, LIST_DEVICES, READ_DEVICE, MANAGE_DEVICE,
        READ_STATS, REBUILD_ROLLUPS, READ_AUDIT, READ_DIRECTORY, MANAGE_DIRECTORY,
        LISTEN_ROOM, LISTEN_COUNTER, LISTEN_SITE_QUEUE, LISTEN_ALERTS, PRACTISE, RUN_TRAINING,
        REQUEST_CALLBACK, CALL_BACK
    }

    /** How much of a device's binding must match the scope. */
    private enum Binding { SITE, ROOM, COUNTER }

    /** How an agent's sites must meet the scope's sites: every one of them, or at least one. */
    private enum Cover { ALL, ANY }

    private record Rule(Role agentRole, Set<String> deviceKinds, Binding binding, Cover cover) {
    }

    private static final Set<String> NO_DEVICE = Set.of();
    private static final Map<Action, Rule> RULES = new EnumMap<>(Action.class);

    static {
        rule(Action.ISSUE_TICKET, Role.AGENT, Set.of(Device.KIOSK), Binding.SITE);
        rule(Action.READ_TICKET, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.CALL_TICKET, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.ACT_ON_HELD_TICKET, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.CANCEL_TICKET, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.REQUEST_CALLBACK, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.CALL_BACK, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.READ_COUNTER, Role.AGENT, Set.of(Device.COUNTER_SCREEN), Binding.COUNTER);
        rule(Action.READ_WAITING_LIST, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.OPERATE_COUNTER, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.OPERATE_HELD_COUNTER, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.READ_OWN_DAY, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.READ_SITE, Role.AGENT, Set.of(Device.KIOSK, Device.SCREEN, Device.COUNTER_SCREEN), Binding.SITE);
        rule(Action.READ_ROOM_DISPLAY, Role.AGENT, Set.of(Device.SCREEN), Binding.ROOM);
        rule(Action.SEND_HEARTBEAT, null, Set.of(Device.KIOSK, Device.SCREEN, Device.COUNTER_SCREEN), Binding.SITE);
        rule(Action.CHANGE_OWN_PASSWORD, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.CONFIGURE_SITES, Role.ADMIN, NO_DEVICE, Binding.SITE);
        rule(Action.LIST_AGENTS, Role.SUPERVISOR, NO_DEVICE, Binding.SITE);
        RULES.put(Action.READ_AGENT, new Rule(Role.SUPERVISOR, NO_DEVICE, Binding.SITE, Cover.ANY));
        rule(Action.MANAGE_AGENT, Role.ADMIN, NO_DEVICE, Binding.SITE);
        rule(Action.LIST_DEVICES, Role.SUPERVISOR, NO_DEVICE, Binding.SITE);
        rule(Action.READ_DEVICE, Role.SUPERVISOR, NO_DEVICE, Binding.SITE);
        rule(Action.MANAGE_DEVICE, Role.ADMIN, NO_DEVICE, Binding.SITE);
        rule(Action.READ_STATS, Role.SUPERVISOR, NO_DEVICE, Binding.SITE);
        rule(Action.REBUILD_ROLLUPS, Role.ADMIN, NO_DEVICE, Binding.SITE);
        rule(Action.READ_AUDIT, Role.ADMIN, NO_DEVICE, Binding.SITE);
        rule(Action.READ_DIRECTORY, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.MANAGE_DIRECTORY, Role.ADMIN, NO_DEVICE, Binding.SITE);
        rule(Action.LISTEN_ROOM, Role.AGENT, Set.of(Device.SCREEN), Binding.ROOM);
        rule(Action.LISTEN_COUNTER, Role.AGENT, Set.of(Device.COUNTER_SCREEN), Binding.COUNTER);
        rule(Action.LISTEN_SITE_QUEUE, Role.AGENT, Set.of(Device.SCREEN, Device.KIOSK), Binding.SITE);
        rule(Action.LISTEN_ALERTS, Role.SUPERVISOR, NO_DEVICE, Binding.SITE);
        rule(Action.PRACTISE, Role.AGENT, NO_DEVICE, Binding.SITE);
        rule(Action.RUN_TRAINING, Role.SUPERVISOR, NO_DEVICE, Binding.SITE);
    }

    private static void rule(Action action, Role agentRole, Set<String> deviceKinds, Binding binding) {
        RULES.put(action, new Rule(agentRole, deviceKinds, binding, Cover.ALL));
    }

    /**
     * What an action applies to. {@code siteIds} null: no site at all (listing, one's own password); empty: every
     * site (an account for all sites), which only an administrator of every site covers. {@code holderAgentId}: the
     * agent holding a called or served ticket, or an open counter, whom only a supervisor may overrule.
     * {@code accountRole}: the role of an account being created, changed or managed, which may not be above the
     * principal's own.
     */
    public record Scope(Set<String> siteIds, String roomId, String counterId, Long holderAgentId, Role accountRole) {

        public static Scope none() {
            return new Scope(null, null, null, null, null);
        }

        public static Scope site(String siteId) {
            return new Scope(Set.of(siteId), null, null, null, null);
        }

        public static Scope sites(Set<String> siteIds) {
            return new Scope(Set.copyOf(siteIds), null, null, null, null);
        }

        public static Scope room(String siteId, String roomId) {
            return new Scope(Set.of(siteId), roomId, null, null, null);
        }

        public static Scope counter(String siteId, String counterId) {
            return new Scope(Set.of(siteId), null, counterId, null, null);
        }

        /** A ticket or a counter held by an agent (or by nobody: null). */
        public static Scope heldBy(String siteId, Long holderAgentId) {
            return new Scope(Set.of(siteId), null, null, holderAgentId, null);
        }

        /** An account of these sites (none: every site) with this role, as it is or as it would become. */
        public static Scope account(Set<String> siteIds, Role role) {
            return new Scope(Set.copyOf(siteIds), null, null, null, role);
        }
    }

    private AccessPolicy() {
    }

    /**
     * What a held ticket must be for the principal to act on it ({@link Action#ACT_ON_HELD_TICKET}), so that the
     * statement changing it can check this as it does: held by {@code holderId} (null: by anyone) at one of
     * {@code siteIds} (null: at any site). Empty for a principal who may act on no held ticket.
     */
    public record HeldTicketFilter(Long holderId, Set<String> siteIds) {
    }

    public static Optional<HeldTicketFilter> heldTicketFilter(Principal principal) {
        Rule rule = RULES.get(Action.ACT_ON_HELD_TICKET);
        if (principal.isDevice() || !principal.role().atLeast(rule.agentRole())) {
            return Optional.empty();
        }
        return Optional.of(new HeldTicketFilter(principal.role().atLeast(Role.SUPERVISOR) ? null : principal.agentId(),
                principal.coversEverySite() ? null : TrainingSites.withCopies(principal.siteIds())));
    }

    public static boolean allows(Principal principal, Action action, Scope scope) {
        return refusal(principal, action, scope).isEmpty();
    }

    /** Fails with NOT_ALLOWED, saying why, unless the principal may do the action on the scope. */
    public static void require(Principal principal, Action action, Scope scope) {
        refusal(principal, action, scope).ifPresent(reason -> {
            throw Failure.notAllowed(reason);
        });
    }

    /** Why the principal may not do the action on the scope; empty when it may. */
    public static Optional<String> refusal(Principal principal, Action action, Scope scope) {
        Rule rule = RULES.get(action);
        if (principal.isDevice()) {
            return deviceRefusal(principal, rule, scope);
        }
        if (rule.agentRole() == null) {
            return Optional.of("Only devices do this.");
        }
        if (!principal.role().atLeast(rule.agentRole())) {
            return Optional.of("This needs the " + rule.agentRole().dbName() + " role.");
        }
        if (scope.accountRole() != null && !principal.role().atLeast(scope.accountRole())) {
            return Optional.of("You cannot give or manage the " + scope.accountRole().dbName()
                               + " role, which is above your own.");
        }
        if (scope.accountRole() != null && scope.siteIds() != null && scope.siteIds().isEmpty()
            && !principal.coversEverySite()) {
            return Optional.of("Only an administrator of every site can manage an account of every site.");
        }
        Optional<String> sites = siteRefusal(principal, rule.cover(), scope.siteIds());
        if (sites.isPresent()) {
            return sites;
        }
        if (scope.holderAgentId() != null && !scope.holderAgentId().equals(principal.agentId())
            && !principal.role().atLeast(Role.SUPERVISOR)) {
            return Optional.of("This is held by another agent.");
        }
        return Optional.empty();
    }

    private static Optional<String> siteRefusal(Principal principal, Cover cover, Set<String> siteIds) {
        if (siteIds == null || principal.coversEverySite()) {
            return Optional.empty();
        }
        if (siteIds.isEmpty()) {
            return Optional.of("Only an administrator of every site can do this.");
        }
        boolean covered = cover == Cover.ALL ? siteIds.stream().allMatch(principal::coversSite)
                : siteIds.stream().anyMatch(principal::coversSite);
        if (covered) {
            return Optional.empty();
        }
        String outside = siteIds.stream().filter(site -> !principal.coversSite(site)).sorted().findFirst()
                .orElse("");
        return Optional.of("Your account does not cover site '" + outside + "'.");
    }

    private static Optional<String> deviceRefusal(Principal device, Rule rule, Scope scope) {
        if (!rule.deviceKinds().contains(device.deviceKind())) {
            return Optional.of(rule.deviceKinds().isEmpty() ? "This needs an agent account, not a device."
                    : "A " + device.deviceKind().replace('_', ' ') + " may not do this.");
        }
        if (scope.siteIds() != null && (scope.siteIds().isEmpty()
                                         || !scope.siteIds().stream().allMatch(device::coversSite))) {
            return Optional.of("This device belongs to another site.");
        }
        return switch (rule.binding()) {
            case SITE -> Optional.empty();
            case ROOM -> scope.roomId() != null && scope.roomId().equals(device.roomId()) ? Optional.empty()
                    : Optional.of("This screen is registered for another waiting room.");
            case COUNTER -> scope.counterId() != null && scope.counterId().equals(device.counterId())
                    ? Optional.empty() : Optional.of("This device does not belong to that counter.");
        };
    }
}
