package org.precisionaid.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.precisionaid.security.engine.CallerCommandGuard;
import org.precisionaid.security.engine.GuardedExpressionManager;
import org.precisionaid.security.engine.LastAdministratorGuard;
import org.precisionaid.security.engine.ModelDeploymentGuard;
import org.precisionaid.security.engine.QueryExpressionGuard;
import org.precisionaid.security.engine.RefusalLogger;
import org.precisionaid.security.password.AuditedIdentityProvider;
import org.precisionaid.security.password.OfficialPasswordPolicy;
import org.precisionaid.security.password.Pbkdf2PasswordEncryptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Closes, inside the engine, what Camunda 7.24 CE leaves open (docs/security.md, ADR 0006): queries never run a
 * caller's expression; expressions reach only {@code @ProcessBean} beans and no reflection; models are checked
 * before any deployer sees them; the last administrator stays; passwords are hashed with PBKDF2 under a policy,
 * and every login is logged; an official changes a case only through his form ({@link CallerCommandGuard}). The
 * engine's plain settings (result limit, XXE, scripts, deserialization, TASK_WORK) are in application.yaml.
 */
@Component
public class EngineHardeningPlugin extends AbstractCamundaConfiguration {

    private final ApplicationContext context;
    private final int hashIterations;

    public EngineHardeningPlugin(ApplicationContext context,
            @Value("${precision-aid.security.password-hash-iterations:310000}") int hashIterations) {
        this.context = context;
        this.hashIterations = hashIterations;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new GuardedExpressionManager(context));

        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new RefusalLogger());
        interceptors.add(new QueryExpressionGuard());
        interceptors.add(new LastAdministratorGuard(configuration.getIdentityService()));
        // last: the guards above see the caller's command as he sent it
        interceptors.add(new CallerCommandGuard(configuration.getIdentityService()));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        List<Deployer> deployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        deployers.add(new ModelDeploymentGuard(context));
        configuration.setCustomPreDeployers(deployers);

        configuration.setPasswordEncryptor(new Pbkdf2PasswordEncryptor(hashIterations));
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new OfficialPasswordPolicy());
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(AuditedIdentityProvider.class));
    }
}
