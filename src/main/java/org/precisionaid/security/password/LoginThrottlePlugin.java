package org.precisionaid.security.password;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands the {@link LoginThrottle} to the engine's commands, where {@link AuditedIdentityProvider} checks every
 * password (the webapps' login, HTTP Basic on {@code /engine-rest} and {@code /api}, {@code identity/verify}). It is
 * a command-context session, so the throttle does not depend on the order in which plugins configure the engine.
 * Settings: {@code precision-aid.security.login-lock.*} in application.yaml, ADR 0018.
 */
@Component
public class LoginThrottlePlugin extends AbstractCamundaConfiguration {

    private final LoginThrottle throttle;

    public LoginThrottlePlugin(
            @Value("${precision-aid.security.login-lock.account-failures:10}") int accountFailures,
            @Value("${precision-aid.security.login-lock.address-failures:50}") int addressFailures,
            @Value("${precision-aid.security.login-lock.duration:PT15M}") Duration lockTime,
            @Value("${precision-aid.security.basic-login-cache:PT2M}") Duration verifiedLoginCache) {
        this.throttle = new LoginThrottle(accountFailures, addressFailures, lockTime, verifiedLoginCache,
                () -> ClockUtil.getCurrentTime().toInstant());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return LoginThrottle.class;
            }

            @Override
            public Session openSession() {
                return throttle;
            }
        });
        configuration.setCustomSessionFactories(factories);
    }
}
