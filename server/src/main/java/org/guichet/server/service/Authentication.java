package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Tokens;
import org.guichet.server.store.AgentStore;
import org.guichet.server.store.DeviceStore;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resolves a bearer token (an agent's session {@code gs_…} or a device's token {@code gd_…}) to its principal. Answers
 * are remembered for a few seconds, so a busy tablet or screen does not cost a query per request; a revocation,
 * announced to every instance, forgets them at once.
 */
public final class Authentication {

    private static final long REMEMBER_MILLIS = 5_000;

    private record Remembered(Principal principal, long until) {
    }

    private final AgentStore agents;
    private final DeviceStore devices;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    /**
     * Counts what was forgotten: a lookup that began before a revocation may read the token as still valid and end
     * after it; what it found is then not remembered.
     */
    private final AtomicLong forgotten = new AtomicLong();

    public Authentication(AgentStore agents, DeviceStore devices, Clock clock) {
        this.agents = agents;
        this.devices = devices;
        this.clock = clock;
    }

    /** The principal of a token; fails as unauthenticated when it is missing, unknown, expired or revoked. */
    public Future<Principal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Future.failedFuture(Failure.unauthenticated("Log in first (missing bearer token)."));
        }
        String key = Tokens.key(token);
        long nowMillis = clock.millis();
        Remembered known = remembered.get(key);
        if (known != null && known.until() > nowMillis) {
            return Future.succeededFuture(known.principal());
        }
        long forgottenBefore = forgotten.get();
        byte[] hash = Tokens.hash(token);
        Future<Principal> lookup = token.startsWith(Tokens.DEVICE_PREFIX)
                ? devices.byToken(hash).map(found -> found.orElseThrow(() -> Failure.unauthenticated(
                        "This device token is unknown or has been revoked.")))
                : agents.session(hash, clock.instant()).map(found -> found.orElseThrow(() -> Failure.unauthenticated(
                        "session_expired", "Your session has expired; please log in again.")));
        return lookup.onSuccess(principal -> {
            if (forgotten.get() == forgottenBefore) {
                remembered.put(key, new Remembered(principal, nowMillis + REMEMBER_MILLIS));
            }
        });
    }

    /** Forgets what was remembered of every session of one agent (on this instance), e.g. after a change of theirs. */
    public void forgetAgent(long agentId) {
        remembered.values().removeIf(known -> known.principal().isAgent() && known.principal().agentId() == agentId);
    }

    /** Forgets what was remembered of one token (by its {@link Tokens#key}). */
    public void forget(String tokenKey) {
        forgotten.incrementAndGet(); // before the removal: a lookup ending in between must not put it back
        remembered.remove(tokenKey);
    }
}
