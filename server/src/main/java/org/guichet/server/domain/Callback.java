package org.guichet.server.domain;

import java.time.Instant;

/**
 * A request to call a caller back about a service, as stored, without its number (which only the agent calling back
 * reads, decrypted on demand).
 *
 * @param notBefore    when it may be called back: the start of the caller's window, or after "no answer" the retry
 * @param holderAgentId the agent calling back now (status CALLING), else null
 */
public record Callback(long id, String siteId, String serviceId, Status status, String subject, String language,
                       Instant preferredFrom, Instant preferredTo, Instant createdAt, Channel channel,
                       Instant notBefore, int attempts, Long holderAgentId, String holderCounterId,
                       Instant firstAttemptAt, Instant closedAt, boolean hasNumber) {

    public enum Status { WAITING, CALLING, ANSWERED, WRONG_NUMBER, UNREACHED, EXPIRED }

    public enum Channel { AGENT, PHONE_PAGE }

    /** From when the caller expects the call: the window's start, or the request's creation if later. */
    public Instant due() {
        return createdAt.isAfter(preferredFrom) ? createdAt : preferredFrom;
    }
}
