package org.precisionaid.security.engine;

import java.util.function.Supplier;

/**
 * Marks an engine call whose variables and business key our own code chose after its own checks — a case started
 * by {@code /api} (application, project, village exit), with the registry row it just wrote. The official stays the
 * authenticated user, so Camunda's authorizations and the history still name him; only {@link CallerCommandGuard}'s
 * form contract is set aside. No HTTP caller can set this: it lives on the thread of our own Java code.
 */
public final class ServerChosenValues {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private ServerChosenValues() {
    }

    public static <T> T apply(Supplier<T> call) {
        Boolean outer = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                ACTIVE.remove();
            }
        }
    }

    static boolean active() {
        return ACTIVE.get() != null;
    }
}
