package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.LoginBackoff;
import org.guichet.server.store.ThrottleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses log-ins after failed ones, per account and per client address ({@link LoginBackoff}): growing delays, then a
 * temporary lock, answered 429 with a Retry-After, before any password is hashed.
 *
 * <p>Counts and locks are kept in PostgreSQL, so a lock holds on every node: with per-node counters an attacker would
 * get one allowance per node behind the load balancer, and a node that restarts would forget them. Each node also
 * remembers the locks it has seen until they end, so a flood against a locked account or address costs no query at
 * all (a lock never ends early, but for the account's own successful log-in, which a lock prevents). Thread-safe.
 */
public final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final ThrottleStore store;
    private final Clock clock;
    private final LoginBackoff perAccount;
    private final LoginBackoff perAddress;
    private final Map<String, Instant> knownLocks = new ConcurrentHashMap<>();
    private volatile Instant nextPurge = Instant.MIN;

    public LoginThrottle(ThrottleStore store, Clock clock) {
        this(store, clock, LoginBackoff.ACCOUNT, LoginBackoff.ADDRESS);
    }

    public LoginThrottle(ThrottleStore store, Clock clock, LoginBackoff perAccount, LoginBackoff perAddress) {
        this.store = store;
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** Fails as too many attempts when the account or the address is locked for now; else succeeds. */
    public Future<Void> check(String username, String address) {
        Instant now = clock.instant();
        List<String> keys = keys(username, address);
        Instant known = latestKnownLock(keys, now);
        if (known != null) {
            return Future.failedFuture(refusal(now, known));
        }
        return store.locked(keys, now).compose(locked -> {
            locked.forEach(knownLocks::put);
            Instant until = locked.values().stream().max(Instant::compareTo).orElse(null);
            return until == null ? Future.<Void>succeededFuture() : Future.failedFuture(refusal(now, until));
        });
    }

    /** Counts a failed log-in against the account and the address, locking them as their backoff says. */
    public Future<Void> failed(String username, String address) {
        Instant now = clock.instant();
        purgeNowAndThen(now);
        List<Future<Void>> counted = new ArrayList<>(2);
        counted.add(count(accountKey(username), perAccount, now));
        if (address != null) {
            counted.add(count(addressKey(address), perAddress, now));
        }
        return Future.all(counted).mapEmpty();
    }

    /** A successful log-in forgets the account's failures (not the address's: one good account must not clear it). */
    public Future<Void> succeeded(String username) {
        String key = accountKey(username);
        knownLocks.remove(key);
        return store.forget(key);
    }

    /** Lifts an account's lock on this node and in the database (an administrator set a new password). */
    public Future<Void> forgetAccount(String username) {
        return succeeded(username);
    }

    private Future<Void> count(String key, LoginBackoff backoff, Instant now) {
        return store.countFailure(key, now, backoff.forgottenBefore(now)).compose(failures -> {
            Duration refusal = backoff.refusalAfter(failures);
            if (refusal.isZero()) {
                return Future.succeededFuture();
            }
            Instant until = now.plus(refusal);
            knownLocks.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
            if (failures == backoff.lockAfter()) {
                LOG.warn("Log-ins locked for {} min after {} failures: {}", refusal.toMinutes(), failures,
                        key.startsWith("address:") ? key : "an account");
            }
            return store.lock(key, until);
        });
    }

    private Instant latestKnownLock(List<String> keys, Instant now) {
        Instant latest = null;
        for (String key : keys) {
            Instant until = knownLocks.get(key);
            if (until != null && !until.isAfter(now)) {
                knownLocks.remove(key, until);
            } else if (until != null && (latest == null || until.isAfter(latest))) {
                latest = until;
            }
        }
        return latest;
    }

    private void purgeNowAndThen(Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        knownLocks.values().removeIf(until -> !until.isAfter(now));
        Instant before = perAccount.forgottenBefore(now).isBefore(perAddress.forgottenBefore(now))
                ? perAccount.forgottenBefore(now) : perAddress.forgottenBefore(now);
        store.purge(before).onFailure(failure -> LOG.debug("Purging old log-in failures failed", failure));
    }

    private static Failure refusal(Instant now, Instant until) {
        Duration wait = Duration.between(now, until);
        long seconds = Failure.wholeSeconds(wait);
        return Failure.tooManyAttempts("login_throttled", "Too many failed log-ins; try again in " + seconds
                                                          + " s.", wait);
    }

    private static List<String> keys(String username, String address) {
        return address == null ? List.of(accountKey(username)) : List.of(accountKey(username), addressKey(address));
    }

    static String accountKey(String username) {
        return "account:" + username.strip().toLowerCase(Locale.ROOT);
    }

    static String addressKey(String address) {
        return "address:" + address;
    }
}
