package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.service.Services;
import org.guichet.server.view.AccountView;

import java.time.Duration;

/** Agent log-in, log-out, who am I, and password change. */
public final class AuthRoutes {

    private final Services services;
    private final Duration refusedLoginDelay;

    /** @param refusedLoginDelay how long a log-in refused with 429 waits for its answer */
    public AuthRoutes(Services services, Duration refusedLoginDelay) {
        this.services = services;
        this.refusedLoginDelay = refusedLoginDelay;
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
                        Json.requiredString(body, "password"), Reply.address(ctx)).map(AccountView::session)
                .recover(failure -> refusedLater(ctx, failure)));
    }

    /**
     * A log-in refused for too many attempts is answered after a while: whoever floods the log-in and waits for each
     * answer then gets a few a second per connection, not as many as the processors can refuse.
     */
    private <T> Future<T> refusedLater(RoutingContext ctx, Throwable failure) {
        if (!(failure instanceof Failure refused) || refused.kind() != Failure.Kind.TOO_MANY_ATTEMPTS
            || refusedLoginDelay.isZero()) {
            return Future.failedFuture(failure);
        }
        Promise<T> answer = Promise.promise();
        ctx.vertx().setTimer(refusedLoginDelay.toMillis(), id -> answer.fail(failure));
        return answer.future();
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
