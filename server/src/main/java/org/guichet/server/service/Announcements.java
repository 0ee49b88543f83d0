package org.guichet.server.service;

/**
 * What one server instance tells all the others (and itself): the deployment changed, or a token stopped being valid.
 * The realtime layer carries them; each instance reloads its catalog, forgets the token, and closes what was opened
 * with it.
 */
public interface Announcements {

    void catalogChanged();

    /** @param tokenKey the {@link org.guichet.server.domain.Tokens#key} of the session or device token */
    void credentialsRevoked(String tokenKey);
}
