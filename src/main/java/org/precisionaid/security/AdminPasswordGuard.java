package org.precisionaid.security;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.precisionaid.security.password.OfficialPasswordPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the engine without an administrator password from the environment that passes the password
 * policy. Runs before the engine is built, so no account with a known or weak password is ever written.
 */
@Component
public class AdminPasswordGuard extends AbstractCamundaConfiguration {

    static final int MIN_LENGTH = OfficialPasswordPolicy.MIN_LENGTH;

    private final String userId;
    private final String password;
    private final boolean demo;

    public AdminPasswordGuard(@Value("${precision-aid.admin.id:admin}") String userId,
            @Value("${precision-aid.admin.password:}") String password,
            @Value("${precision-aid.demo:false}") boolean demo) {
        this.userId = userId;
        this.password = password;
        this.demo = demo;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        check(userId, password, demo);
    }

    static void check(String userId, String password, boolean demo) {
        if (demo) {
            return;
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("PA_ADMIN_PASSWORD is not set: the administrator needs a password "
                    + "from the environment (at least " + MIN_LENGTH + " characters), or run with the demo profile");
        }
        new OfficialPasswordPolicy().violation(password, userId).ifPresent(rule -> {
            throw new IllegalStateException("PA_ADMIN_PASSWORD " + rule);
        });
    }
}
