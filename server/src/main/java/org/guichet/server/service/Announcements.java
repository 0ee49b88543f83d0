package org.guichet.server.service;

import io.vertx.core.Future;

import java.util.List;

/**
 * What one server instance tells all the others (and itself): the deployment changed, or a token stopped being valid.
 * The realtime layer carries them; each instance reloads its catalog, forgets the token, and closes what was opened
 * with it.
 */
public interface Announcements {

    void catalogChanged();

    /**
     * Tokens stopped being valid (their rows are already gone): every instance forgets them and closes what was
     * opened with them. Completes once every instance has forgotten them, so that the revoking call can answer
     * knowing that the next request with one of them is refused wherever it arrives; never fails.
     *
     * @param tokenKeys the {@link org.guichet.server.domain.Tokens#key}s of the session or device tokens
     */
    Future<Void> credentialsRevoked(List<String> tokenKeys);
}
