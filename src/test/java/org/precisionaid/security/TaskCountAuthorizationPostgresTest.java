package org.precisionaid.security;

import org.precisionaid.support.PostgresTest;

/** {@link TaskCountAuthorization} on PostgreSQL, where the count's reshaped SQL matters most (ADR 0031). */
@PostgresTest
class TaskCountAuthorizationPostgresTest extends TaskCountAuthorization {
}
