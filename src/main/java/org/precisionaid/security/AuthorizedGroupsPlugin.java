package org.precisionaid.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Stops the engine from scanning the whole authorization table in every command that checks authorizations.
 *
 * <p>Camunda's {@link AuthorizationManager} narrows the user's groups to "groups that hold any grant" before it
 * checks, by {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} once per command. Our table grows with
 * every case and task ever opened (region grants), so that scan grows without bound: 81 ms per command at
 * 1.1 million grants, every claim, complete and task list paying it (ADR 0005, docs/benchmarks.md). The narrowing
 * changes no answer — a group without grants matches no grant row — and our officials belong to one or two
 * groups, so the checks use the user's groups as they are.
 */
@Component
public class AuthorizedGroupsPlugin extends AbstractCamundaConfiguration {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class; // replaces the engine's own factory for this type
            }

            @Override
            public Session openSession() {
                return new UnnarrowedGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    static class UnnarrowedGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
        }
    }
}
