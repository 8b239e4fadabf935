package org.precisionaid.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One real PostgreSQL for the whole test run, started on first use and stopped when the JVM exits. */
public final class SharedPostgres {

    private static EmbeddedPostgres postgres;

    private SharedPostgres() {
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp directory goes with it
                }
            }));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
