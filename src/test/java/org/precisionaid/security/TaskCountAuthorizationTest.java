package org.precisionaid.security;

import org.precisionaid.support.IntegrationTest;

/** {@link TaskCountAuthorization} on H2, where the engine's own SQL runs: the same answers as PostgreSQL's. */
@IntegrationTest
class TaskCountAuthorizationTest extends TaskCountAuthorization {
}
