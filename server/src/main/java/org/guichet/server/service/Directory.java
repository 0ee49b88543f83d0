package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Partner;
import org.guichet.server.domain.Principal;
import org.guichet.server.store.DirectoryStore;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orientation directory: agents search it to tell a visitor where to go; administrators of the whole network keep
 * it, each change in the audit log.
 */
public final class Directory {

    /** What a directory change answers: the entry, and whether it is new. */
    public record Saved(Partner partner, boolean created) {
    }

    static final int MAX_QUERY = 100;

    private final DirectoryStore store;
    private final Clock clock;

    public Directory(DirectoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The active entries matching every word of {@code query} (all of them without one), by name. */
    public Future<List<Partner>> search(Principal principal, String query) {
        AccessPolicy.require(principal, Action.READ_DIRECTORY, AccessPolicy.Scope.none());
        if (query != null && query.length() > MAX_QUERY) {
            throw Failure.invalid("q has at most " + MAX_QUERY + " characters.");
        }
        return store.all().map(partners -> partners.stream().filter(Partner::active)
                .filter(partner -> query == null || partner.matches(query)).toList());
    }

    /** Every entry, inactive ones too, for administrators of the network. */
    public Future<List<Partner>> all(Principal principal) {
        requireNetworkAdmin(principal);
        return store.all();
    }

    public Future<Saved> save(Principal principal, String address, String partnerId, JsonObject body) {
        requireNetworkAdmin(principal);
        Partner partner = Partner.fromJson(partnerId, body);
        return store.find(partnerId).compose(before -> {
            AuditEntry entry = AuditEntry.of(clock.instant(), AuditEntry.Actor.of(principal, address),
                    before.isPresent() ? "partner.update" : "partner.create", "partner", partnerId, null,
                    before.map(Partner::toJson).orElse(null), partner.toJson());
            return store.save(partner, clock.instant(), entry).map(existed -> new Saved(partner, !existed));
        });
    }

    /** Every partner's name by id, inactive ones too (for statistics, which name past orientations). */
    public Future<Map<String, String>> names() {
        return store.all().map(partners -> {
            Map<String, String> names = new HashMap<>();
            partners.forEach(partner -> names.put(partner.id(), partner.name()));
            return names;
        });
    }

    /** Adds the entries the directory does not have yet (the demo's); an entry kept by an administrator stays as is. */
    public Future<Void> addMissing(List<Partner> partners, AuditEntry.Actor actor) {
        return store.all().compose(existing -> {
            Set<String> ids = new HashSet<>();
            existing.forEach(partner -> ids.add(partner.id()));
            Future<Void> chain = Future.succeededFuture();
            for (Partner partner : partners) {
                if (!ids.contains(partner.id())) {
                    chain = chain.compose(done -> store.save(partner, clock.instant(), AuditEntry.of(clock.instant(),
                            actor, "partner.create", "partner", partner.id(), null, null, partner.toJson())).mapEmpty());
                }
            }
            return chain;
        });
    }

    /** An active entry a visitor may be oriented to; 400 {@code unknown_partner} otherwise. */
    public Future<Partner> activePartner(String partnerId) {
        return store.find(partnerId).map(found -> found.filter(Partner::active).orElseThrow(() ->
                Failure.invalid("unknown_partner", "No active partner '" + partnerId + "' in the directory.")));
    }

    private static void requireNetworkAdmin(Principal principal) {
        AccessPolicy.require(principal, Action.MANAGE_DIRECTORY, AccessPolicy.Scope.sites(Set.of()));
    }
}
