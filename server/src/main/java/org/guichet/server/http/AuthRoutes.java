package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Principal;
import org.guichet.server.service.Services;
import org.guichet.server.view.AccountView;

/** Agent log-in, log-out, who am I, and password change. */
public final class AuthRoutes {

    private final Services services;

    public AuthRoutes(Services services) {
        this.services = services;
    }

    /** The one route reachable without a token. */
    public void mountPublic(Router api) {
        api.post("/auth/login").handler(this::login);
    }

    public void mount(Router api) {
        api.post("/auth/logout").handler(this::logout);
        api.get("/auth/me").handler(this::me);
        api.post("/auth/password").handler(this::changePassword);
    }

    private void login(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        Reply.json(ctx, services.accounts().login(Json.requiredString(body, "username"),
                Json.requiredString(body, "password"), Reply.address(ctx)).map(AccountView::session));
    }

    private void logout(RoutingContext ctx) {
        Reply.json(ctx, services.accounts().logout(Authenticator.bearer(ctx)));
    }

    private void me(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx);
        if (principal.isAgent()) {
            Reply.json(ctx, services.accounts().me(principal).map(agent -> AccountView.agent(agent)
                    .put("mustChangePassword", principal.mustChangePassword())));
        } else {
            Reply.json(ctx, services.devices().self(principal).map(AccountView::self));
        }
    }

    private void changePassword(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        Reply.json(ctx, services.accounts().changePassword(Reply.principal(ctx), Authenticator.bearer(ctx),
                Json.optionalString(body, "currentPassword"), Json.requiredString(body, "newPassword")));
    }
}
