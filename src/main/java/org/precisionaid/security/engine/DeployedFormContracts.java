package org.precisionaid.security.engine;

import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractGetDeployedFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The Camunda Form of a task or start event as a {@link FormContract}, found with the engine's own lookup (formRef
 * binding, formKey). Which form applies is resolved on every call (a new version of a form bound "latest" applies at
 * once); its parsed fields are kept by deployment and resource name, which name bytes that never change — so a
 * completion no longer reads and parses the form's JSON again (issue #26).
 */
final class DeployedFormContracts {

    /** Enough for every form of several years of deployments; the eldest goes first. */
    private static final int KEPT = 512;

    private static final Map<String, FormContract> PARSED = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, FormContract> eldest) {
                    return size() > KEPT;
                }
            });

    private DeployedFormContracts() {
    }

    static FormContract ofTask(CommandContext context, String taskId) {
        Remembered lookup = new Remembered();
        return contract(context, lookup, () -> new GetDeployedTaskFormCmd(taskId) {
            @Override
            protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
                return lookup.read(deploymentId, resourceName, super::getDeploymentResource);
            }
        });
    }

    static FormContract ofStart(CommandContext context, String processDefinitionId) {
        Remembered lookup = new Remembered();
        return contract(context, lookup, () -> new GetDeployedStartFormCmd(processDefinitionId) {
            @Override
            protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
                return lookup.read(deploymentId, resourceName, super::getDeploymentResource);
            }
        });
    }

    private static FormContract contract(CommandContext context, Remembered lookup,
            java.util.function.Supplier<AbstractGetDeployedFormCmd> command) {
        InputStream form;
        try {
            form = context.runWithoutAuthorization(() -> command.get().execute(context));
        } catch (ProcessEngineException noCamundaForm) {
            return FormContract.NONE;
        }
        if (lookup.known != null) {
            return lookup.known;
        }
        if (form == null) {
            return FormContract.NONE;
        }
        FormContract parsed = FormContract.parse(form);
        if (lookup.resource != null) {
            PARSED.put(lookup.resource, parsed);
        }
        return parsed;
    }

    /** Which deployment resource the engine's lookup chose, and its contract if parsed before. */
    private static final class Remembered {
        String resource;
        FormContract known;

        InputStream read(String deploymentId, String resourceName,
                java.util.function.BiFunction<String, String, InputStream> load) {
            resource = deploymentId + "/" + resourceName;
            known = PARSED.get(resource);
            return known != null ? InputStream.nullInputStream() : load.apply(deploymentId, resourceName);
        }
    }
}
