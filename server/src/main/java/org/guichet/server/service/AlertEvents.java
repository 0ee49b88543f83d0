package org.guichet.server.service;

import org.guichet.server.domain.stats.Alerts;

import java.time.Instant;
import java.util.List;

/** Told when a site's alerts change (some raised, some cleared); the realtime layer implements it. */
public interface AlertEvents {

    void alertsChanged(String siteId, Instant at, List<Alerts.Alert> alerts, List<String> raised, List<String> cleared);
}
