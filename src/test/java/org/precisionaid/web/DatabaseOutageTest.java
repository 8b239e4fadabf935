package org.precisionaid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;

class DatabaseOutageTest {

    @Test
    void aBrokenConnectionDeepInTheEnginesCausesIsAnOutage() {
        SQLException broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        Throwable login = new AuthenticationServiceException("the identity store could not be read",
                new ProcessEnginePersistenceException("An exception occurred in the persistence layer.",
                        new PersistenceException("### Error querying database.", broken)));
        assertThat(DatabaseOutage.isCause(login)).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms")))).isTrue();
    }

    @Test
    void anOrdinaryFailureIsNot() {
        assertThat(DatabaseOutage.isCause(new ProcessEngineException("Unknown property used in expression"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key value", "23505"))).isFalse();
    }
}
