package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.Agent;
import org.guichet.server.domain.AgentImport;
import org.guichet.server.domain.AgentRules;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.PasswordRules;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Tokens;
import org.guichet.server.store.AgentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Agents' accounts: creating them (one by one or from a CSV list), changing, deactivating and reactivating them,
 * logging in and out, passwords. Who may manage whom is {@link AgentRules}'; hashing runs off the event loop.
 */
public final class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    private static final int LONGEST_USERNAME_TRIED = 100;

    /** An account to create: its sites may be empty only for an administrator of every site. */
    public record NewAccount(String username, String displayName, String password, Role role, List<String> siteIds) {
    }

    /**
     * A successful log-in: the session's bearer token, when it expires, who logged in, and whether they must choose
     * their own password before anything else (an administrator set it, or it was generated).
     */
    public record Session(String token, Instant expiresAt, Agent agent, boolean mustChangePassword) {
    }

    /**
     * An account an import created (or, in a dry run, would create: no id); {@code oneTimePassword} is the password
     * made for a line that gave none, given this once (null in a dry run, and when the line gave one).
     */
    public record Imported(int line, Long id, String username, String displayName, Role role, List<String> siteIds,
                           boolean passwordGenerated, String oneTimePassword) {
    }

    /** What an import did, or in a dry run would do, line by line; {@code took}: the time it took. */
    public record ImportReport(boolean dryRun, List<Imported> created, List<AgentImport.Rejection> rejected,
                               Duration took) {
    }

    private final Vertx vertx;
    private final AgentStore agents;
    private final Counters counters;
    private final Catalogs catalogs;
    private final Authentication authentication;
    private final Announcements announcements;
    private final PasswordWork hashing;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration sessionLifetime;
    /** A hash of nothing in particular, to spend the same time on an unknown user; made once, off the event loop. */
    private volatile String dummyHash;

    public Accounts(Vertx vertx, AgentStore agents, Counters counters, Catalogs catalogs,
                    Authentication authentication, Announcements announcements, PasswordWork hashing,
                    LoginThrottle throttle, Clock clock, Duration sessionLifetime) {
        this.vertx = vertx;
        this.agents = agents;
        this.counters = counters;
        this.catalogs = catalogs;
        this.authentication = authentication;
        this.announcements = announcements;
        this.hashing = hashing;
        this.hasher = hashing.hasher();
        this.throttle = throttle;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    /**
     * Logs in from {@code address} (the client's, null when unknown): refused before any hashing while the account or
     * the address is throttled ({@link LoginThrottle}); a wrong password counts against both.
     */
    public Future<Session> login(String username, String password, String address) {
        if (username.length() > LONGEST_USERNAME_TRIED || PasswordRules.tooLongToTry(password)) {
            throw Failure.invalid("Username or password too long.");
        }
        if (!hashing.hasRoom()) {
            return Future.failedFuture(PasswordWork.busyFailure());
        }
        return throttle.check(username, address)
                .compose(allowed -> agents.credentials(username))
                .compose(found -> hashing.tryRun(() -> {
                    // Verify against a throwaway hash when the user is unknown, so timing does not reveal usernames.
                    boolean right = hasher.verify(password, found.map(AgentStore.Credentials::passwordHash)
                            .orElseGet(this::dummyHash));
                    if (!right || found.isEmpty()) {
                        throw Failure.unauthenticated("invalid_credentials", "Wrong username or password.");
                    }
                    // Said only to whoever knows the password, so it reveals nothing to anyone else.
                    if (!found.get().agent().active()) {
                        throw Failure.unauthenticated("account_deactivated",
                                "This account has been deactivated; ask an administrator to reactivate it.");
                    }
                    return found.get();
                }).recover(failure -> failure instanceof Failure refused
                                      && "invalid_credentials".equals(refused.code())
                        ? throttle.failed(username, address).transform(counted -> Future.failedFuture(failure))
                        : Future.failedFuture(failure)))
                .compose(credentials -> throttle.succeeded(username).map(credentials))
                .compose(credentials -> {
                    String token = Tokens.newToken(Tokens.AGENT_PREFIX);
                    Instant now = clock.instant();
                    Instant expires = now.plus(sessionLifetime);
                    return agents.insertSession(Tokens.hash(token), credentials.agent().id(), now, expires)
                            .map(done -> new Session(token, expires, credentials.agent(),
                                    credentials.mustChangePassword()));
                });
    }

    /** Ends the session; connections opened with it end too (see realtime.EventBusBridge). */
    public Future<Void> logout(String token) {
        String key = Tokens.key(token);
        authentication.forget(key);
        return agents.deleteSession(Tokens.hash(token)).compose(done -> revoked(List.of(key)));
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
        AgentRules.requireManage(principal, account.role(), account.siteIds());
        AgentRules.requireUsername(account.username());
        return create(account, AuditEntry.Actor.of(principal, address), true);
    }

    /** One account, if the principal may see it (it shares one of the principal's sites). */
    public Future<Agent> agent(Principal principal, long agentId) {
        AccessPolicy.require(principal, Action.LIST_AGENTS, AccessPolicy.Scope.none());
        return agent(agentId).map(agent -> {
            AccessPolicy.require(principal, Action.READ_AGENT, AccessPolicy.Scope.sites(Set.copyOf(agent.siteIds())));
            return agent;
        });
    }

    /**
     * Changes an account's display name, role or sites, made from its {@code version}: fails as stale, with the
     * account as it is now, when it changed since. A change of role or sites ends the account's sessions (and what
     * was opened with them, on every instance), so that the new rights apply from the next request.
     */
    public Future<Agent> update(Principal principal, String address, long agentId, int version,
                                AgentRules.Change change) {
        AccessPolicy.require(principal, Action.MANAGE_AGENT, AccessPolicy.Scope.none());
        if (change.siteIds() != null) {
            Catalog catalog = catalogs.get();
            change.siteIds().stream().filter(site -> !catalog.sites().containsKey(site)).findFirst()
                    .ifPresent(site -> {
                        throw Failure.invalid("Unknown site '" + site + "'.");
                    });
        }
        return agent(agentId).compose(before -> {
            Agent after = AgentRules.changed(principal, before, change);
            if (version != before.version()) {
                throw Failure.stale("Someone changed this account meanwhile; here it is as it is now.", before);
            }
            boolean access = AgentRules.accessChanges(before, after);
            boolean sitesChanged = !Set.copyOf(before.siteIds()).equals(Set.copyOf(after.siteIds()));
            AuditEntry entry = AuditEntry.of(clock.instant(), AuditEntry.Actor.of(principal, address),
                    "agent.update", "agent", String.valueOf(agentId), onlySite(union(before, after)),
                    audited(before), audited(after).put("version", before.version() + 1));
            return agents.update(after, version, sitesChanged, access, entry);
        }).compose(this::ended).compose(done -> agent(agentId));
    }

    /**
     * Deactivates an account: its sessions end at once, with what was opened with them, on every instance; the
     * counters it holds open close (their history keeps it); it can no longer log in. Nothing is deleted.
     */
    public Future<Agent> deactivate(Principal principal, String address, long agentId) {
        return setActive(principal, address, agentId, false);
    }

    /** Lets a deactivated account log in again (with its password as it was). */
    public Future<Agent> reactivate(Principal principal, String address, long agentId) {
        return setActive(principal, address, agentId, true);
    }

    private Future<Agent> setActive(Principal principal, String address, long agentId, boolean active) {
        AccessPolicy.require(principal, Action.MANAGE_AGENT, AccessPolicy.Scope.none());
        return agent(agentId).compose(agent -> {
            AgentRules.requireActivation(principal, agent, active);
            AuditEntry entry = AuditEntry.of(clock.instant(), AuditEntry.Actor.of(principal, address),
                    active ? "agent.reactivate" : "agent.deactivate", "agent", String.valueOf(agentId),
                    onlySite(agent.siteIds()), new JsonObject().put("active", !active),
                    new JsonObject().put("active", active));
            return agents.setActive(agentId, active, clock.instant(), entry);
        }).compose(this::ended).compose(done -> agent(agentId));
    }

    /**
     * Forgets the ended sessions on every instance, closing what was opened with them, then tells about the closed
     * counters.
     */
    private Future<Void> ended(AgentStore.Ended ended) {
        return revoked(ended.sessionKeys()).compose(done -> counters.announce(ended.closedCounterIds()))
                .recover(failure -> {
                    LOG.warn("Closed counters could not be announced", failure);
                    return Future.succeededFuture();
                });
    }

    /**
     * Creates the accounts of a CSV list (see {@link AgentImport}): every valid line, all in one transaction, each
     * with its audit entry; answers what was created, with the one-time passwords made for lines that gave none, and
     * each refused line with its reason. A dry run answers the same and writes nothing.
     */
    public Future<ImportReport> importCsv(Principal principal, String address, String csv, boolean dryRun) {
        AccessPolicy.require(principal, Action.MANAGE_AGENT, AccessPolicy.Scope.none());
        long started = System.nanoTime();
        List<AgentImport.Line> lines = AgentImport.parse(csv);
        Catalog catalog = catalogs.get();
        List<String> usernames = lines.stream().map(AgentImport.Line::username).distinct().toList();
        return agents.taken(usernames).compose(taken -> {
            AgentImport.Plan plan = AgentImport.plan(principal, lines, catalog.sites()::containsKey, taken,
                    dryRun ? () -> null : Tokens::newPassword);
            if (dryRun) {
                List<Imported> would = plan.accepted().stream().map(candidate -> imported(candidate, null)).toList();
                return Future.succeededFuture(new ImportReport(true, would, plan.rejected(), since(started)));
            }
            AuditEntry.Actor actor = AuditEntry.Actor.of(principal, address);
            Instant now = clock.instant();
            List<AgentImport.Candidate> accepted = plan.accepted();
            long[] hashedAt = new long[1];
            return hashAll(accepted.stream().map(AgentImport.Candidate::password).toList())
                    .compose(hashes -> {
                        hashedAt[0] = System.nanoTime();
                        List<AgentStore.NewAgent> rows = new ArrayList<>(accepted.size());
                        for (int i = 0; i < accepted.size(); i++) {
                            AgentImport.Candidate candidate = accepted.get(i);
                            rows.add(new AgentStore.NewAgent(candidate.username(), candidate.displayName(),
                                    hashes.get(i), candidate.role(), candidate.siteIds(), true));
                        }
                        return agents.insertAll(rows, (index, id) -> {
                            AgentImport.Candidate candidate = accepted.get(index);
                            return AuditEntry.of(now, actor, "agent.create", "agent", String.valueOf(id),
                                    onlySite(candidate.siteIds()), null, created(candidate.username(),
                                            candidate.displayName(), candidate.role(), candidate.siteIds())
                                            .put("importLine", candidate.line()));
                        });
                    })
                    .map(ids -> {
                        List<Imported> created = new ArrayList<>(ids.size());
                        for (int i = 0; i < ids.size(); i++) {
                            created.add(imported(accepted.get(i), ids.get(i)));
                        }
                        ImportReport report = new ImportReport(false, created, plan.rejected(), since(started));
                        LOG.info("CSV import by {}: {} accounts created, {} lines refused, in {} ms ({} ms hashing "
                                 + "passwords, {} ms writing)", principal.username(), created.size(),
                                plan.rejected().size(), report.took().toMillis(),
                                (hashedAt[0] - started) / 1_000_000, (System.nanoTime() - hashedAt[0]) / 1_000_000);
                        return report;
                    });
        });
    }

    /**
     * The passwords' hashes, in order: hashed off the event loop in as many runs side by side as there are
     * processors (each Argon2 run holds its memory, so more would only cost memory).
     */
    private Future<List<String>> hashAll(List<String> passwords) {
        int runs = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), passwords.size()));
        int per = (passwords.size() + runs - 1) / Math.max(1, runs);
        List<Future<List<String>>> parts = new ArrayList<>();
        for (int from = 0; from < passwords.size(); from += per) {
            List<String> part = passwords.subList(from, Math.min(passwords.size(), from + per));
            parts.add(hashing.run(() -> part.stream().map(hasher::hash).toList()));
        }
        return Future.all(parts).map(all -> {
            List<String> hashes = new ArrayList<>(passwords.size());
            parts.forEach(part -> hashes.addAll(part.result()));
            return hashes;
        });
    }

    private static Imported imported(AgentImport.Candidate candidate, Long id) {
        return new Imported(candidate.line(), id, candidate.username(), candidate.displayName(), candidate.role(),
                candidate.siteIds(), candidate.generated(), id != null && candidate.generated() ? candidate.password()
                : null);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** An account as the audit log keeps it. */
    private static JsonObject audited(Agent agent) {
        return created(agent.username(), agent.displayName(), agent.role(), agent.siteIds())
                .put("active", agent.active()).put("version", agent.version());
    }

    private static JsonObject created(String username, String displayName, Role role, List<String> siteIds) {
        return new JsonObject().put("username", username).put("displayName", displayName).put("role", role.dbName())
                .put("siteIds", new JsonArray(List.copyOf(siteIds))).put("active", true);
    }

    private static List<String> union(Agent before, Agent after) {
        Set<String> sites = new java.util.LinkedHashSet<>(before.siteIds());
        sites.addAll(after.siteIds());
        return List.copyOf(sites);
    }

    /** Creates an account without asking anyone (the demo), audited as made by the actor. */
    public Future<Agent> create(NewAccount account, AuditEntry.Actor actor) {
        return create(account, actor, false);
    }

    /**
     * Creates an account, audited as made by the actor; {@code mustChangePassword}: its password was chosen for the
     * agent (by an administrator, or generated), who must choose their own at first log-in.
     */
    public Future<Agent> create(NewAccount account, AuditEntry.Actor actor, boolean mustChangePassword) {
        PasswordRules.require(account.password(), account.username(), account.displayName());
        if (account.role() != Role.ADMIN && account.siteIds().isEmpty()) {
            throw Failure.invalid("An agent or supervisor needs at least one site.");
        }
        JsonObject created = created(account.username(), account.displayName(), account.role(), account.siteIds());
        return hashing.run(() -> hasher.hash(account.password()))
                .compose(hash -> agents.insert(account.username(), account.displayName(), hash, account.role(),
                        account.siteIds(), mustChangePassword, id -> AuditEntry.of(clock.instant(), actor, "agent.create", "agent",
                                String.valueOf(id), onlySite(account.siteIds()), null, created)))
                .compose(this::agent);
    }

    /**
     * Changes one's own password, checked against the current one and which must differ from it; every other session
     * of the account ends (with what was opened with it, on every instance), the one making the change
     * ({@code sessionToken}) stays; a password an administrator set stops being one to change.
     */
    public Future<Void> changePassword(Principal principal, String sessionToken, String currentPassword,
                                       String newPassword) {
        AccessPolicy.require(principal, Action.CHANGE_OWN_PASSWORD, AccessPolicy.Scope.none());
        PasswordRules.require(newPassword, principal.username());
        String current = currentPassword == null ? "" : currentPassword;
        if (PasswordRules.tooLongToTry(current)) {
            throw Failure.invalid("Password too long.");
        }
        return agents.credentials(principal.agentId())
                .compose(found -> hashing.run(() -> {
                    String stored = found.map(AgentStore.Credentials::passwordHash).orElseGet(this::dummyHash);
                    if (!hasher.verify(current, stored)) {
                        throw Failure.notAllowed("invalid_credentials", "The current password is wrong.");
                    }
                    if (current.equals(newPassword)) {
                        throw Failure.invalid("same_password", "Choose a password other than the current one.");
                    }
                    return hasher.hash(newPassword);
                }))
                .compose(hash -> agents.changePassword(principal.agentId(), hash, Tokens.hash(sessionToken)))
                .compose(this::revoked)
                // Remembered with the duty to change it: forgotten, so the next request of this session may go on.
                .onSuccess(done -> authentication.forgetAgent(principal.agentId()));
    }

    /** An administrator gives an account of their sites a new password; its sessions end. */
    public Future<Void> resetPassword(Principal principal, String address, long agentId, String newPassword) {
        AccessPolicy.require(principal, Action.MANAGE_AGENT, AccessPolicy.Scope.none());
        PasswordRules.require(newPassword);
        return agent(agentId).compose(agent -> {
            AgentRules.requireManage(principal, agent);
            return setPassword(agent, newPassword, AuditEntry.Actor.of(principal, address), true);
        });
    }

    /**
     * Sets a password without asking anyone (the demo's reset), audited as done by the actor; the account's sessions
     * end, and with them what was opened with them, on every instance.
     */
    public Future<Void> setPassword(long agentId, String newPassword, AuditEntry.Actor actor) {
        return agent(agentId).compose(agent -> setPassword(agent, newPassword, actor, false));
    }

    private Future<Void> setPassword(Agent agent, String newPassword, AuditEntry.Actor actor,
                                     boolean mustChangePassword) {
        PasswordRules.require(newPassword, agent.username(), agent.displayName());
        AuditEntry entry = AuditEntry.of(clock.instant(), actor, "agent.password_reset", "agent",
                String.valueOf(agent.id()), onlySite(agent.siteIds()), null, null);
        return hashing.run(() -> hasher.hash(newPassword))
                .compose(hash -> agents.resetPassword(agent.id(), hash, mustChangePassword, entry))
                .compose(keys -> throttle.forgetAccount(agent.username()).map(keys))
                .compose(this::revoked);
    }

    /**
     * The sessions stopped being valid (their rows are gone): forgotten here at once, then on every instance, with
     * what was opened with them; completes when every instance has forgotten them, so that the caller answers only
     * then.
     */
    private Future<Void> revoked(List<String> sessionKeys) {
        sessionKeys.forEach(authentication::forget);
        return announcements.credentialsRevoked(sessionKeys);
    }

    /** Where this instance hashes passwords. */
    public PasswordWork hashing() {
        return hashing;
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
