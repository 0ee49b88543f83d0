package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.Agent;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.PasswordRules;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Tokens;
import org.guichet.server.store.AgentStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Agents' accounts: creating them, logging in and out, passwords. Hashing runs off the event loop. */
public final class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");
    private static final int LONGEST_USERNAME_TRIED = 100;

    /** An account to create: its sites may be empty only for an administrator of every site. */
    public record NewAccount(String username, String displayName, String password, Role role, List<String> siteIds) {
    }

    /** A successful log-in: the session's bearer token, when it expires, and who logged in. */
    public record Session(String token, Instant expiresAt, Agent agent) {
    }

    private final Vertx vertx;
    private final AgentStore agents;
    private final Catalogs catalogs;
    private final Authentication authentication;
    private final Announcements announcements;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration sessionLifetime;
    /** A hash of nothing in particular, to spend the same time on an unknown user; made once, off the event loop. */
    private volatile String dummyHash;

    public Accounts(Vertx vertx, AgentStore agents, Catalogs catalogs, Authentication authentication,
                    Announcements announcements, PasswordHasher hasher, Clock clock, Duration sessionLifetime) {
        this.vertx = vertx;
        this.agents = agents;
        this.catalogs = catalogs;
        this.authentication = authentication;
        this.announcements = announcements;
        this.hasher = hasher;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    public Future<Session> login(String username, String password) {
        if (username.length() > LONGEST_USERNAME_TRIED || PasswordRules.tooLongToTry(password)) {
            throw Failure.invalid("Username or password too long.");
        }
        return agents.credentials(username)
                .compose(found -> vertx.executeBlocking(() -> {
                    // Verify against a throwaway hash when the user is unknown, so timing does not reveal usernames.
                    boolean right = hasher.verify(password, found.map(AgentStore.Credentials::passwordHash)
                            .orElseGet(this::dummyHash));
                    if (!right || found.isEmpty() || !found.get().agent().active()) {
                        throw Failure.unauthenticated("invalid_credentials", "Wrong username or password.");
                    }
                    return found.get().agent();
                }, false))
                .compose(agent -> {
                    String token = Tokens.newToken(Tokens.AGENT_PREFIX);
                    Instant now = clock.instant();
                    Instant expires = now.plus(sessionLifetime);
                    return agents.insertSession(Tokens.hash(token), agent.id(), now, expires)
                            .map(done -> new Session(token, expires, agent));
                });
    }

    /** Ends the session; connections opened with it end too (see realtime.EventBusBridge). */
    public Future<Void> logout(String token) {
        String key = Tokens.key(token);
        authentication.forget(key);
        return agents.deleteSession(Tokens.hash(token)).onSuccess(done -> announcements.credentialsRevoked(key));
    }

    /** The agent making the request, as registered. */
    public Future<Agent> me(Principal principal) {
        return agent(principal.agentId());
    }

    /** The accounts the principal may see: those sharing one of its sites (all, for an administrator of all). */
    public Future<List<Agent>> agents(Principal principal) {
        AccessPolicy.require(principal, Action.LIST_AGENTS, AccessPolicy.Scope.none());
        return agents.agents().map(all -> all.stream().filter(agent -> AccessPolicy.allows(principal,
                Action.READ_AGENT, AccessPolicy.Scope.sites(Set.copyOf(agent.siteIds())))).toList());
    }

    /**
     * Creates an account for the principal's sites, audited as made from {@code address}; fails with a conflict when
     * the username is taken.
     */
    public Future<Agent> create(Principal principal, String address, NewAccount account) {
        account.siteIds().forEach(siteId -> catalogs.get().site(siteId));
        AccessPolicy.require(principal, Action.MANAGE_AGENT, AccessPolicy.Scope.sites(Set.copyOf(account.siteIds())));
        if (!USERNAME.matcher(account.username()).matches()) {
            throw Failure.invalid("A username has 2 to 64 letters, digits, dots, dashes or @.");
        }
        return create(account, AuditEntry.Actor.of(principal, address));
    }

    /** Creates an account without asking anyone (the first administrator, the demo), audited as made by the actor. */
    public Future<Agent> create(NewAccount account, AuditEntry.Actor actor) {
        PasswordRules.require(account.password());
        if (account.role() != Role.ADMIN && account.siteIds().isEmpty()) {
            throw Failure.invalid("An agent or supervisor needs at least one site.");
        }
        JsonObject created = new JsonObject().put("username", account.username())
                .put("displayName", account.displayName()).put("role", account.role().dbName())
                .put("siteIds", new JsonArray(List.copyOf(account.siteIds()))).put("active", true);
        return vertx.executeBlocking(() -> hasher.hash(account.password()), false)
                .compose(hash -> agents.insert(account.username(), account.displayName(), hash, account.role(),
                        account.siteIds(), id -> AuditEntry.of(clock.instant(), actor, "agent.create", "agent",
                                String.valueOf(id), onlySite(account.siteIds()), null, created)))
                .compose(this::agent);
    }

    public Future<Void> changePassword(Principal principal, String currentPassword, String newPassword) {
        AccessPolicy.require(principal, Action.CHANGE_OWN_PASSWORD, AccessPolicy.Scope.none());
        PasswordRules.require(newPassword);
        String current = currentPassword == null ? "" : currentPassword;
        if (PasswordRules.tooLongToTry(current)) {
            throw Failure.invalid("Password too long.");
        }
        return agents.credentials(principal.agentId())
                .compose(found -> vertx.executeBlocking(() -> {
                    String stored = found.map(AgentStore.Credentials::passwordHash).orElseGet(this::dummyHash);
                    if (!hasher.verify(current, stored)) {
                        throw Failure.notAllowed("invalid_credentials", "The current password is wrong.");
                    }
                    return hasher.hash(newPassword);
                }, false))
                .compose(hash -> agents.updatePassword(principal.agentId(), hash));
    }

    /** An administrator gives an account of their sites a new password; its sessions end. */
    public Future<Void> resetPassword(Principal principal, String address, long agentId, String newPassword) {
        AccessPolicy.require(principal, Action.MANAGE_AGENT, AccessPolicy.Scope.none());
        PasswordRules.require(newPassword);
        return agent(agentId).compose(agent -> {
            AccessPolicy.require(principal, Action.MANAGE_AGENT, AccessPolicy.Scope.sites(Set.copyOf(agent.siteIds())));
            return setPassword(agent, newPassword, AuditEntry.Actor.of(principal, address));
        });
    }

    /**
     * Sets a password without asking anyone (the demo's reset), audited as done by the actor; the account's sessions
     * end, and with them what was opened with them, on every instance.
     */
    public Future<Void> setPassword(long agentId, String newPassword, AuditEntry.Actor actor) {
        return agent(agentId).compose(agent -> setPassword(agent, newPassword, actor));
    }

    private Future<Void> setPassword(Agent agent, String newPassword, AuditEntry.Actor actor) {
        AuditEntry entry = AuditEntry.of(clock.instant(), actor, "agent.password_reset", "agent",
                String.valueOf(agent.id()), onlySite(agent.siteIds()), null, null);
        return vertx.executeBlocking(() -> hasher.hash(newPassword), false)
                .compose(hash -> agents.resetPassword(agent.id(), hash, entry))
                .onSuccess(keys -> keys.forEach(key -> {
                    authentication.forget(key);
                    announcements.credentialsRevoked(key);
                }))
                .mapEmpty();
    }

    public Future<Optional<Long>> agentId(String username) {
        return agents.credentials(username).map(found -> found.map(credentials -> credentials.agent().id()));
    }

    public Future<Boolean> hasAdmin() {
        return agents.hasAdmin();
    }

    /** Blocking: call it from a worker. */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash("not a password");
            dummyHash = hash;
        }
        return hash;
    }

    /** The site an account's audit entries belong to: its only site, or none for an account of several. */
    private static String onlySite(List<String> siteIds) {
        return siteIds.size() == 1 ? siteIds.get(0) : null;
    }

    private Future<Agent> agent(long agentId) {
        return agents.agent(agentId).map(found -> found.orElseThrow(() -> Failure.notFound("No agent " + agentId
                + ".")));
    }
}
