package org.precisionaid.security;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.precisionaid.region.CandidateGroups;

/**
 * On the start of every process instance that carries a {@code regionCode}, lets the auditors of that
 * region and of every enclosing region read the instance and its history, and nothing more.
 */
public class RegionAccessGrants implements ExecutionListener {

    public static final String REGION_VARIABLE = "regionCode";

    private final CandidateGroups groups;

    public RegionAccessGrants(CandidateGroups groups) {
        this.groups = groups;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!execution.getId().equals(execution.getProcessInstanceId())
                || !(execution.getVariable(REGION_VARIABLE) instanceof String regionCode)) {
            return;
        }
        CommandContext commandContext = Context.getCommandContext();
        for (String auditorGroup : groups.auditorsOf(regionCode)) {
            // the official who starts the case may not create authorizations himself; the engine does it for him
            commandContext.runWithoutAuthorization(() -> {
                grant(commandContext, auditorGroup, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(),
                        Permissions.READ);
                grant(commandContext, auditorGroup, Resources.HISTORIC_PROCESS_INSTANCE,
                        execution.getProcessInstanceId(), HistoricProcessInstancePermissions.READ);
                return null;
            });
        }
    }

    private static void grant(CommandContext commandContext, String groupId, Resource resource, String resourceId,
            org.camunda.bpm.engine.authorization.Permission permission) {
        AuthorizationEntity authorization = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        commandContext.getAuthorizationManager().insert(authorization);
    }
}
