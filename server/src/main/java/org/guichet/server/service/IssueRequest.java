package org.guichet.server.service;

import org.guichet.server.domain.PriorityClass;

/**
 * A request for a ticket, from a kiosk or an agent.
 *
 * @param siteId         the site the caller believes it is at (optional; checked against the service's site)
 * @param idempotencyKey the kiosk's key for this tap: a retried request with the same key gets the same ticket
 */
public record IssueRequest(String siteId, String serviceId, PriorityClass priority, String language,
                           String idempotencyKey) {
}
