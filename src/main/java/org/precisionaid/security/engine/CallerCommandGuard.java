package org.precisionaid.security.engine;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import static org.precisionaid.security.engine.EngineInternals.field;
import static org.precisionaid.security.engine.EngineInternals.read;

/**
 * What an official may do through the engine, on every path that reaches it — engine REST, the webapps' own API
 * (Tasklist, Cockpit), Java code acting for him (ADR 0017):
 * <ul>
 * <li>read (queries, filters, forms, variables his authorizations show him);</li>
 * <li>claim a task for himself, give back a task he holds, comment on it;</li>
 * <li>complete a task (complete, submit-form, resolve) with only the fields its Camunda Form declares, of the declared
 * type and within the declared choices — nothing else reaches the case;</li>
 * <li>start a case with only its start form's fields: no business key, no start instructions;</li>
 * <li>change his own password (the engine's password policy applies), nothing else of his account.</li>
 * </ul>
 * Everything else — variable writes, modification and migration, BPMN errors and escalations, signals and messages,
 * jobs, external tasks, identity links, task updates, delegation, attachments, identity changes — is refused with 403.
 * Administrators (camunda-admin) and the engine itself (jobs, listeners, our delegates: nested commands) are not
 * checked; neither is a start whose values our own code chose ({@link ServerChosenValues}).
 */
public class CallerCommandGuard extends CommandInterceptor {

    private static final Field START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder",
            CallerCommandGuard.class);
    private static final Field SUBMIT_START_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId",
            CallerCommandGuard.class);
    private static final Field SUBMIT_START_BUSINESS_KEY = field(SubmitStartFormCmd.class, "businessKey",
            CallerCommandGuard.class);
    private static final Field SUBMIT_START_VARIABLES = field(SubmitStartFormCmd.class, "variables",
            CallerCommandGuard.class);
    private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId", CallerCommandGuard.class);
    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables", CallerCommandGuard.class);
    private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId", CallerCommandGuard.class);
    private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties",
            CallerCommandGuard.class);
    private static final Field CLAIM_TASK = field(ClaimTaskCmd.class, "taskId", CallerCommandGuard.class);
    private static final Field CLAIM_USER = field(ClaimTaskCmd.class, "userId", CallerCommandGuard.class);
    private static final Field LINK_TASK = field(org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd.class, "taskId",
            CallerCommandGuard.class);
    private static final Field LINK_USER = field(AbstractAddIdentityLinkCmd.class, "userId", CallerCommandGuard.class);
    private static final Field SAVED_USER = field(SaveUserCmd.class, "user", CallerCommandGuard.class);

    private final IdentityService identity;

    public CallerCommandGuard(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null || ServerChosenValues.active()) {
            return next.execute(command); // the engine's own work or our code's: checked where it was decided
        }
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null
                || (caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
            return next.execute(command);
        }
        String official = caller.getUserId();
        if (isRead(command) || command instanceof AddCommentCmd) {
            return next.execute(command);
        }
        if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
            String taskId = (String) read(COMPLETE_TASK, command);
            Map<String, ?> variables = variables(read(COMPLETE_VARIABLES, command));
            return next.execute(checkedFirst(command, context -> keepsToTaskForm(context, taskId, variables)));
        }
        if (command instanceof SubmitTaskFormCmd) {
            String taskId = (String) read(SUBMIT_TASK, command);
            Map<String, ?> variables = variables(read(SUBMIT_VARIABLES, command));
            return next.execute(checkedFirst(command, context -> keepsToTaskForm(context, taskId, variables)));
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl start = (ProcessInstantiationBuilderImpl) read(START_BUILDER, command);
            refuseCallerChoices(start.getBusinessKey(), start.getCaseInstanceId(), start);
            return next.execute(checkedFirst(command, context -> keepsToStartForm(context,
                    definition(context, start.getProcessDefinitionId(), start.getProcessDefinitionKey()),
                    start.getVariables())));
        }
        if (command instanceof SubmitStartFormCmd) {
            refuseCallerChoices((String) read(SUBMIT_START_BUSINESS_KEY, command), null, null);
            String definitionId = (String) read(SUBMIT_START_DEFINITION, command);
            Map<String, ?> variables = variables(read(SUBMIT_START_VARIABLES, command));
            return next.execute(checkedFirst(command, context -> keepsToStartForm(context,
                    definition(context, definitionId, null), variables)));
        }
        if (command instanceof ClaimTaskCmd) {
            String taskId = (String) read(CLAIM_TASK, command);
            String claimant = (String) read(CLAIM_USER, command);
            return next.execute(checkedFirst(command, context -> claimsForHimself(context, official, taskId, claimant)));
        }
        if (command instanceof AssignTaskCmd && read(LINK_USER, command) == null) {
            // Tasklist's "unclaim": the same as giving the task back, which TASK_WORK allows to its holder
            String taskId = (String) read(LINK_TASK, command);
            Command<T> giveBack = cast(new ClaimTaskCmd(taskId, null));
            return next.execute(checkedFirst(giveBack, context -> claimsForHimself(context, official, taskId, null)));
        }
        if (command instanceof SaveUserCmd) {
            User user = (User) read(SAVED_USER, command);
            return next.execute(checkedFirst(command, context -> changesOnlyHisPassword(context, official, user)));
        }
        throw refused(official, command);
    }

    /** Queries, filters and the engine's {@code Get…}/{@code Is…}/{@code Check…} commands change nothing a case holds. */
    static boolean isRead(Command<?> command) {
        if (command instanceof AbstractQuery<?, ?> || command instanceof AbstractExecuteFilterCmd) {
            return true;
        }
        Class<?> type = command.getClass();
        if (!type.getName().startsWith("org.camunda.bpm.engine.")) {
            return true; // the webapps' own read commands (Cockpit's queries) and ours: code we ship, not a caller's
        }
        String name = type.getSimpleName();
        return name.startsWith("Get") || name.startsWith("Is") || name.startsWith("Check")
                || (name.startsWith("Create") && name.endsWith("QueryCmd")) || name.equals("AuthorizationCheckCmd")
                || type.getEnclosingClass() != null && type.getEnclosingClass().getSimpleName().endsWith("ReportImpl")
                || name.startsWith("MetricsQuery");
    }

    private static void refuseCallerChoices(String businessKey, String caseInstanceId, ProcessInstantiationBuilderImpl start) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (businessKey != null && !businessKey.isBlank()) {
            errors.put("businessKey", "由系统编号，不可自选 / the server numbers each case; a caller may not choose it");
        }
        if (caseInstanceId != null) {
            errors.put("caseInstanceId", "may not be set by a caller");
        }
        var modification = start == null ? null : start.getModificationBuilder();
        if (modification != null && !modification.getModificationOperations().isEmpty()) {
            errors.put("startInstructions", "每个案件都从头开始 / every case starts at its start event");
        }
        if (modification != null && (modification.isSkipCustomListeners() || modification.isSkipIoMappings())) {
            errors.put(modification.isSkipCustomListeners() ? "skipCustomListeners" : "skipIoMappings",
                    "every step of a case runs its listeners and mappings");
        }
        if (!errors.isEmpty()) {
            throw new FormContractViolation(errors);
        }
    }

    private static void keepsToTaskForm(CommandContext context, String taskId, Map<String, ?> variables) {
        if (variables == null || variables.isEmpty() || taskId == null) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the engine answers "no such task" itself
        }
        FormContract form = DeployedFormContracts.ofTask(context, taskId);
        Map<String, String> violations = form.violations(variables, task::getVariable);
        if (!violations.isEmpty()) {
            // one who may not work on the task at all hears that first (403), not what his input lacks; input that
            // keeps to the form goes on to the engine's own check of the same permission (issue #26: not twice)
            context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
        }
        refuseViolations(violations);
    }

    private static void keepsToStartForm(CommandContext context, ProcessDefinitionEntity definition,
            Map<String, ?> variables) {
        if (definition == null || variables == null || variables.isEmpty()) {
            return;
        }
        context.getProcessEngineConfiguration().getCommandCheckers()
                .forEach(checker -> checker.checkCreateProcessInstance(definition));
        FormContract form = DeployedFormContracts.ofStart(context, definition.getId());
        refuseViolations(form.violations(variables, name -> null));
    }

    private static void refuseViolations(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new FormContractViolation(errors);
        }
    }

    private static ProcessDefinitionEntity definition(CommandContext context, String id, String key) {
        var cache = context.getProcessEngineConfiguration().getDeploymentCache();
        try {
            return id != null ? cache.findDeployedProcessDefinitionById(id)
                    : key != null ? cache.findDeployedLatestProcessDefinitionByKey(key) : null;
        } catch (ProcessEngineException unknown) {
            return null; // the start itself then says which definition is missing
        }
    }

    private static void claimsForHimself(CommandContext context, String official, String taskId, String claimant) {
        if (claimant != null && !claimant.equals(official)) {
            throw new OutsideTheFormsRefusal(official, "ClaimTaskFor",
                    official + " may claim a task only for himself, not for " + claimant);
        }
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (claimant == null && task != null && task.getAssignee() != null && !task.getAssignee().equals(official)) {
            throw new OutsideTheFormsRefusal(official, "Unclaim", official + " may give back only a task he holds "
                    + "himself; " + task.getAssignee() + " holds task " + taskId);
        }
    }

    private static void changesOnlyHisPassword(CommandContext context, String official, User user) {
        User stored = user == null ? null : context.getReadOnlyIdentityProvider().findUserById(user.getId());
        if (stored == null || !official.equals(user.getId())) {
            throw new OutsideTheFormsRefusal(official, "SaveUser", official + " may not create or change the account "
                    + (user == null ? "" : user.getId()) + ": only an administrator manages officials");
        }
        if (!Objects.equals(stored.getFirstName(), user.getFirstName())
                || !Objects.equals(stored.getLastName(), user.getLastName())
                || !Objects.equals(stored.getEmail(), user.getEmail())) {
            throw new OutsideTheFormsRefusal(official, "SaveUserProfile", official + " may change only his password; "
                    + "his name and e-mail are kept by an administrator");
        }
    }

    private static OutsideTheFormsRefusal refused(String official, Command<?> command) {
        String operation = command.getClass().getSimpleName().replaceFirst("Cmd$", "");
        return new OutsideTheFormsRefusal(official, operation, official + " may not call " + operation);
    }

    /** Runs the check inside the command's own transaction and context, then the command itself. */
    private static <T> Command<T> checkedFirst(Command<T> command, Consumer<CommandContext> check) {
        return context -> {
            check.accept(context);
            return command.execute(context);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> Command<T> cast(Command<?> command) {
        return (Command<T>) command;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> variables(Object value) {
        return (Map<String, ?>) value;
    }
}
