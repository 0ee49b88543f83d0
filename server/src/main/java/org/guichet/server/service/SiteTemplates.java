package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.DeploymentDiff;
import org.guichet.server.domain.DeploymentRules;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.SiteTemplate;
import org.guichet.server.store.DeploymentStore;
import org.guichet.server.store.TemplateStore;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Site templates, for a network of sites made from a few models: save a site as a template, make a new site from one
 * with a few fields, change a template and push the change to the sites made from it after seeing what it changes.
 * Templates are the whole network's: network administrators handle them.
 */
public final class SiteTemplates {

    private final TemplateStore templates;
    private final DeploymentStore deployment;
    private final Deployments deployments;
    private final Catalogs catalogs;
    private final Clock clock;

    public SiteTemplates(TemplateStore templates, DeploymentStore deployment, Deployments deployments,
                         Catalogs catalogs, Clock clock) {
        this.templates = templates;
        this.deployment = deployment;
        this.deployments = deployments;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** What pushing a template did, or would do: the sites made from it and each one's changes. */
    public record Pushed(List<String> siteIds, Deployments.Applied applied) {
    }

    public Future<List<SiteTemplate.Saved>> list(Principal principal) {
        requireNetwork(principal);
        return templates.list();
    }

    public Future<SiteTemplate.Saved> get(Principal principal, String templateId) {
        requireNetwork(principal);
        return saved(templateId);
    }

    /** Saves a site as a new template: everything but the site's own fields. */
    public Future<SiteTemplate.Saved> saveSite(Principal principal, String address, String templateId, String name,
                                               String siteId) {
        requireNetwork(principal);
        DeploymentRules.requireId(templateId, "template");
        catalogs.get().site(siteId);
        return deployment.read(Set.of(siteId)).compose(read -> {
            JsonObject body = SiteTemplate.bodyOf(DeploymentRules.list(read, "sites").getJsonObject(0));
            return templates.create(templateId, name, body, clock.instant(), AuditEntry.of(clock.instant(),
                    AuditEntry.Actor.of(principal, address), "template.create", "template", templateId, null, null,
                    new JsonObject().put("name", name).put("fromSite", siteId)));
        });
    }

    /** Changes a template, over the version the administrator read: 409 {@code stale} otherwise. */
    public Future<SiteTemplate.Saved> update(Principal principal, String address, String templateId, int readVersion,
                                             String name, JsonObject body) {
        requireNetwork(principal);
        SiteTemplate.validate(templateId, body);
        return saved(templateId).compose(before -> templates.update(templateId, readVersion, name, body,
                clock.instant(), AuditEntry.of(clock.instant(), AuditEntry.Actor.of(principal, address),
                        "template.update", "template", templateId, null,
                        new JsonObject().put("name", before.name()).put("body", before.body()),
                        new JsonObject().put("name", name).put("body", body)))
                .compose(version -> version.isPresent() ? saved(templateId) : saved(templateId).map(current -> {
                    throw Failure.conflict("stale", "Template '" + templateId + "' was changed meanwhile (version "
                            + current.version() + ", you read " + readVersion + "): read it again.");
                })));
    }

    /** A new site made from a template with its own id, name, address and time zone; its devices get tokens. */
    public Future<Deployments.Applied> createSite(Principal principal, String address, String templateId,
                                                  JsonObject own) {
        requireNetwork(principal);
        String siteId = DeploymentRules.requireId(own.getString("id"), "site");
        if (catalogs.get().sites().containsKey(siteId)) {
            throw Failure.conflict("site_exists", "A site '" + siteId + "' exists already.");
        }
        return saved(templateId).compose(template -> deployments.apply(principal, address, deploymentOf(
                SiteTemplate.site(templateId, template.body(), own))));
    }

    /**
     * Makes every site made from the template again from it, each keeping its own fields: with {@code dryRun}, only
     * answers what would change.
     */
    public Future<Pushed> push(Principal principal, String address, String templateId, boolean dryRun) {
        requireNetwork(principal);
        return saved(templateId).compose(template -> {
            if (template.siteIds().isEmpty()) {
                return Future.succeededFuture(new Pushed(List.of(), new Deployments.Applied(Map.of(), List.of())));
            }
            return deployment.read(Set.copyOf(template.siteIds())).compose(current -> {
                JsonArray sites = new JsonArray();
                DeploymentRules.list(current, "sites").forEach(site -> sites.add(SiteTemplate.site(templateId,
                        template.body(), (JsonObject) site)));
                JsonObject pushed = new JsonObject().put("sites", sites);
                Future<Deployments.Applied> result = dryRun
                        ? deployments.dryRun(principal, pushed).map(changes -> new Deployments.Applied(Map.of(),
                                changes))
                        : deployments.apply(principal, address, pushed);
                return result.map(applied -> new Pushed(template.siteIds(), applied));
            });
        });
    }

    private Future<SiteTemplate.Saved> saved(String templateId) {
        return templates.get(templateId).map(found -> found.orElseThrow(() -> Failure.notFound(
                "No template '" + templateId + "'.")));
    }

    private static JsonObject deploymentOf(JsonObject site) {
        return new JsonObject().put("sites", new JsonArray().add(site));
    }

    /** Templates concern every site: only an administrator of every site may handle them. */
    private static void requireNetwork(Principal principal) {
        AccessPolicy.require(principal, Action.CONFIGURE_SITES, AccessPolicy.Scope.sites(Set.of()));
    }
}
