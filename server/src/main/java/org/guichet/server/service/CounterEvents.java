package org.guichet.server.service;

import org.guichet.server.domain.CounterState;

/** Told after a counter was opened, paused, resumed or closed; the realtime layer implements it. */
public interface CounterEvents {

    void counterChanged(CounterState state);
}
