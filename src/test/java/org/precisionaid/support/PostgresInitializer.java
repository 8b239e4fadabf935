package org.precisionaid.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ENGINE = "postgres";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "PA_DB_URL=" + SharedPostgres.jdbcUrl(),
                "PA_DB_USER=postgres",
                "PA_DB_PASSWORD=postgres",
                "spring.datasource.url=" + SharedPostgres.jdbcUrl(),
                // Camunda keeps engines in a static registry by name, shared by the contexts of this JVM: under its
                // own name this engine is reached over REST as /engine-rest/engine/postgres/...
                "camunda.bpm.process-engine-name=" + ENGINE)
                .applyTo(context);
    }
}
