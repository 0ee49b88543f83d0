package org.guichet.server.service;

/**
 * What one server instance tells all the others (and itself): the deployment changed, or a token stopped being valid.
 * The realtime layer carries them; each instance reloads its catalog, forgets the token, and closes what was opened
 * with it.
 */
public interface Announcements {

    void catalogChanged();

    /** @param tokenHashHex the SHA-256 of the session or device token, in hexadecimal */
    void credentialsRevoked(String tokenHashHex);
}
