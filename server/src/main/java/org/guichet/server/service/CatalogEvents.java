package org.guichet.server.service;

import org.guichet.server.domain.Catalog;

/** Told on each instance each time it replaces its catalog (at start, after a change here or on another instance). */
public interface CatalogEvents {

    CatalogEvents NONE = (before, after) -> {
    };

    void catalogReplaced(Catalog before, Catalog after);
}
