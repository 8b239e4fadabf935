package org.precisionaid.security;

import org.precisionaid.support.IntegrationTest;

/** {@link TaskCountAuthorization} on H2. */
@IntegrationTest
class TaskCountAuthorizationTest extends TaskCountAuthorization {
}
