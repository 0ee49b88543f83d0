package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/** The fingerprint of the key that seals contact details in this database ({@code contact_key}, one row). */
public final class ContactKeyStore {

    /** The first node to start records its key's fingerprint; every node then reads the one recorded. */
    static final String RECORD_AND_READ = """
            WITH recorded AS (
                INSERT INTO contact_key (fingerprint) VALUES ($1) ON CONFLICT (singleton) DO NOTHING RETURNING fingerprint)
            SELECT fingerprint FROM recorded UNION ALL SELECT fingerprint FROM contact_key""";

    private final Pool pool;

    public ContactKeyStore(Pool pool) {
        this.pool = pool;
    }

    /** Records this fingerprint if none is, and answers the one this database holds. */
    public Future<byte[]> recordOrRead(byte[] fingerprint) {
        return pool.preparedQuery(RECORD_AND_READ).execute(Tuple.of(Buffer.buffer(fingerprint)))
                .map(rows -> rows.iterator().next().getBuffer("fingerprint").getBytes());
    }
}
