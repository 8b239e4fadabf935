package org.precisionaid.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "PA_DB_URL=" + SharedPostgres.jdbcUrl(),
                "PA_DB_USER=postgres",
                "PA_DB_PASSWORD=postgres",
                "spring.datasource.url=" + SharedPostgres.jdbcUrl())
                .applyTo(context);
    }
}
