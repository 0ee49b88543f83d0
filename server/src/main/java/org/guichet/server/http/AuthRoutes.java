package org.guichet.server.http;

import org.guichet.server.domain.Failure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.auth.AuthService;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.PasswordRules;

/** Agent log-in, log-out, who am I, and password change. */
public final class AuthRoutes {

    private final AuthService auth;

    public AuthRoutes(AuthService auth) {
        this.auth = auth;
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
        String username = Json.requiredString(body, "username");
        String password = Json.requiredString(body, "password");
        if (username.length() > 100 || PasswordRules.tooLongToTry(password)) {
            throw Failure.invalid("Username or password too long.");
        }
        Reply.json(ctx, auth.login(username, password));
    }

    private void logout(RoutingContext ctx) {
        Reply.json(ctx, auth.logout(Authenticator.bearer(ctx)));
    }

    private void me(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx);
        if (principal.isAgent()) {
            Reply.json(ctx, auth.agent(principal.agentId()));
        } else {
            Reply.json(ctx, auth.deviceLanguage(principal.deviceId()).map(language -> new JsonObject()
                    .put("deviceId", principal.deviceId()).put("kind", principal.deviceKind())
                    .put("siteId", principal.siteIds().iterator().next()).put("roomId", principal.roomId())
                    .put("counterId", principal.counterId()).put("language", language)));
        }
    }

    private void changePassword(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx);
        if (!principal.isAgent()) {
            throw Failure.notAllowed("Devices have no password.");
        }
        JsonObject body = Json.body(ctx);
        Reply.json(ctx, auth.changePassword(principal.agentId(), Json.optionalString(body, "currentPassword"),
                Json.requiredString(body, "newPassword")));
    }
}
