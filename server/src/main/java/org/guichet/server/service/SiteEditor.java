package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.DeploymentDocument;
import org.guichet.server.domain.DeploymentRules;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.store.DeploymentStore;

import java.util.Set;

/**
 * One site, or one of its rooms, services, counters or devices, read and changed on its own: each change is an apply
 * of the site's block over the revision read, so two administrators never overwrite each other silently (409
 * {@code stale} with the site as it is now), and it is audited and reaches the site's devices as any apply does.
 */
public final class SiteEditor {

    private final DeploymentStore store;
    private final Deployments deployments;
    private final Catalogs catalogs;

    public SiteEditor(DeploymentStore store, Deployments deployments, Catalogs catalogs) {
        this.store = store;
        this.deployments = deployments;
        this.catalogs = catalogs;
    }

    /** The site's block as the deployment declares it, with its revision. */
    public Future<JsonObject> site(Principal principal, String siteId) {
        AccessPolicy.require(principal, Action.CONFIGURE_SITES, AccessPolicy.Scope.site(siteId));
        return stored(siteId);
    }

    /** Creates the site, or changes it over the revision read (required for a site that exists). */
    public Future<Deployments.Applied> putSite(Principal principal, String address, String siteId, JsonObject block) {
        if (block.getValue("id") != null && !siteId.equals(block.getValue("id"))) {
            throw Failure.invalid("The body's id '" + block.getValue("id") + "' is not the site's, '" + siteId + "'.");
        }
        if (catalogs.get().sites().containsKey(siteId) && !(block.getValue("revision") instanceof Integer)) {
            throw Failure.invalid("Send the site's 'revision' as read, so that no colleague's change is undone.");
        }
        return deployments.apply(principal, address, deployment(block.copy().put("id", siteId)));
    }

    /**
     * Sets one room, service, counter or device of the site (by its code), over the site's revision read ({@code
     * revision} in the body).
     */
    public Future<Deployments.Applied> putEntity(Principal principal, String address, String siteId, String part,
                                                 String code, JsonObject body) {
        AccessPolicy.require(principal, Action.CONFIGURE_SITES, AccessPolicy.Scope.site(siteId));
        DeploymentRules.requireId(code, part);
        if (!(body.getValue("revision") instanceof Integer revision)) {
            throw Failure.invalid("Send the site's 'revision' as read, so that no colleague's change is undone.");
        }
        JsonObject fields = body.copy();
        fields.remove("revision");
        return stored(siteId).compose(site -> deployments.apply(principal, address, deployment(
                DeploymentDocument.withEntity(site, part, code, fields).put("revision", revision))));
    }

    private Future<JsonObject> stored(String siteId) {
        return store.read(Set.of(siteId)).map(read -> {
            JsonArray sites = DeploymentRules.list(read, "sites");
            if (sites.isEmpty()) {
                throw Failure.notFound("No site '" + siteId + "'.");
            }
            return sites.getJsonObject(0);
        });
    }

    private static JsonObject deployment(JsonObject site) {
        return new JsonObject().put("sites", new JsonArray().add(site));
    }
}
