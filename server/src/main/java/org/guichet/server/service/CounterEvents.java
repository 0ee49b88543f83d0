package org.guichet.server.service;

import org.guichet.server.domain.CounterState;
import org.guichet.server.domain.Partner;

/** Told after a counter was opened, paused, resumed or closed; the realtime layer implements it. */
public interface CounterEvents {

    void counterChanged(CounterState state);

    /** The visitor just served at this counter was oriented to a partner: the counter-top screen shows where to go. */
    default void visitorOriented(String counterId, Partner partner) {
    }
}
