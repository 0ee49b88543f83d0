package org.guichet.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.service.Authentication;

import java.util.Set;

/**
 * Resolves the bearer token of every protected request; 401 when it is missing, unknown, expired or revoked. An agent
 * who must choose their own password (one an administrator set, or generated) may only do that, see who they are and
 * log out: anything else is refused 403 {@code password_change_required}, which the staff apps answer with the
 * change-password form.
 */
public final class Authenticator implements Handler<RoutingContext> {

    /** What an agent who must change their password may still ask, under /api/v1. */
    private static final Set<String> BEFORE_PASSWORD_CHANGE = Set.of("POST /auth/password", "POST /auth/logout",
            "GET /auth/me");

    private final Authentication authentication;

    public Authenticator(Authentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public void handle(RoutingContext ctx) {
        authentication.authenticate(bearer(ctx))
                .onSuccess(principal -> {
                    if (principal.mustChangePassword() && !BEFORE_PASSWORD_CHANGE.contains(
                            ctx.request().method().name() + " " + apiPath(ctx))) {
                        ctx.fail(Failure.notAllowed("password_change_required",
                                "Choose your own password first (POST /api/v1/auth/password)."));
                        return;
                    }
                    ctx.put(Reply.PRINCIPAL, principal);
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }

    /** The request's path under the API router's mount point. */
    private static String apiPath(RoutingContext ctx) {
        String mount = ctx.mountPoint() == null ? "" : ctx.mountPoint().replaceAll("/+$", "");
        String path = ctx.normalizedPath();
        return path.startsWith(mount + "/") ? path.substring(mount.length()) : path;
    }

    public static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
