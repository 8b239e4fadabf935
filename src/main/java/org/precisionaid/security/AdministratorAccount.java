package org.precisionaid.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The administrator, in place of the starter's admin-user creation: at every start the group camunda-admin exists
 * with all permissions and has at least one direct member. The configured administrator is created once with
 * PA_ADMIN_PASSWORD (checked against the password policy by {@link AdminPasswordGuard}); an existing account keeps
 * its password. With camunda-admin never empty, Camunda's first-run setup page has nothing to offer.
 */
@Component
public class AdministratorAccount extends AbstractCamundaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AdministratorAccount.class);

    private final String userId;
    private final String password;
    private final boolean demo;

    public AdministratorAccount(@Value("${precision-aid.admin.id:admin}") String userId,
            @Value("${precision-aid.admin.password:}") String password,
            @Value("${precision-aid.demo:false}") boolean demo) {
        this.userId = userId;
        this.password = password;
        this.demo = demo;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        ensureAdministratorGroup(identity, engine.getAuthorizationService());
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User admin = identity.newUser(userId);
            admin.setFirstName("系统管理员");
            admin.setLastName("Administrator");
            admin.setPassword(password);
            // the demo's administrator has the demo password; everywhere else the engine's password policy applies
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(new SaveUserCmd(admin, demo));
            LOG.info("Created the administrator account '{}'", userId);
        }
        if (identity.createUserQuery().memberOfGroup(CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(userId, CAMUNDA_ADMIN);
            LOG.warn("camunda-admin had no member: '{}' made administrator again", userId);
        }
    }

    private static void ensureAdministratorGroup(IdentityService identity, AuthorizationService authorizations) {
        if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(CAMUNDA_ADMIN);
            group.setName("系统管理员 / Administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        for (Resources resource : Resources.values()) {
            if (authorizations.createAuthorizationQuery().groupIdIn(CAMUNDA_ADMIN).resourceType(resource)
                    .resourceId(ANY).count() == 0) {
                Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                grant.setGroupId(CAMUNDA_ADMIN);
                grant.setResource(resource);
                grant.setResourceId(ANY);
                grant.addPermission(ALL);
                authorizations.saveAuthorization(grant);
            }
        }
    }
}
