package org.precisionaid.security;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the engine without an administrator password from the environment. Camunda would
 * otherwise fall back to the user id as password. Runs before the engine is built, so no account
 * with a known password is ever written.
 */
@Component
public class AdminPasswordGuard extends AbstractCamundaConfiguration {

    static final int MIN_LENGTH = 12;

    private final String password;
    private final boolean demo;

    public AdminPasswordGuard(@Value("${camunda.bpm.admin-user.password:}") String password,
            @Value("${precision-aid.demo:false}") boolean demo) {
        this.password = password;
        this.demo = demo;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        check(password, demo);
    }

    static void check(String password, boolean demo) {
        if (demo) {
            return;
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("PA_ADMIN_PASSWORD is not set: the administrator needs a password "
                    + "from the environment (at least " + MIN_LENGTH + " characters), or run with the demo profile");
        }
        if (password.length() < MIN_LENGTH) {
            throw new IllegalStateException("PA_ADMIN_PASSWORD is too short: at least " + MIN_LENGTH + " characters");
        }
    }
}
