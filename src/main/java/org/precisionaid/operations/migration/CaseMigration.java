package org.precisionaid.operations.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.precisionaid.operations.migration.MigrationViews.ActivityView;
import org.precisionaid.operations.migration.MigrationViews.BatchStarted;
import org.precisionaid.operations.migration.MigrationViews.BatchView;
import org.precisionaid.operations.migration.MigrationViews.DefinitionRef;
import org.precisionaid.operations.migration.MigrationViews.FailureView;
import org.precisionaid.operations.migration.MigrationViews.InstructionView;
import org.precisionaid.operations.migration.MigrationViews.PlanView;
import org.precisionaid.operations.migration.MigrationViews.ProcessView;
import org.precisionaid.operations.migration.MigrationViews.UnmappedView;
import org.precisionaid.operations.migration.MigrationViews.VersionView;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Moving running cases to another version of their process (ADR 0020), for administrators: which versions have cases
 * where, a plan built by the engine ({@code mapEqualActivities}, event triggers updated) plus the administrator's
 * mappings for renamed or moved activities, the engine's validation report per instruction, and the migration itself as
 * a batch — one job per case, so a case that cannot move fails alone, stays as it was, and is listed with the reason.
 */
@Service
public class CaseMigration {

    static final int MAX_MAPPINGS = 200;
    static final int MAX_ACTIVITY_FILTER = 100;
    static final int MAX_BUSINESS_KEYS = 10_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,254}");
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9\\-]{1,64}");
    private static final Pattern BUSINESS_KEY = Pattern.compile("[\\p{L}\\p{N}_.:/\\-]{1,255}");
    /** The engine names the case in its refusal: "ENGINE-23004 Cannot migrate process instance '…'". */
    private static final Pattern INSTANCE_IN_MESSAGE = Pattern.compile("process instance '([^']{1,64})'");
    private static final int REASON_LENGTH = 2000;
    private static final int HISTORIC_BATCHES = 20;
    /** Rows read at most per list (the engine refuses unbounded lists: query-max-results-limit). */
    static final int PAGE = 1000;

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ManagementService management;
    private final HistoryService history;

    public CaseMigration(RuntimeService runtime, RepositoryService repository, ManagementService management,
            HistoryService history) {
        this.runtime = runtime;
        this.repository = repository;
        this.management = management;
        this.history = history;
    }

    /** Every process with running cases: per version (with cases) and per activity where they wait. */
    public List<ProcessView> processes() {
        Map<String, List<ProcessDefinitionStatistics>> byKey = new TreeMap<>();
        for (ProcessDefinitionStatistics statistics : management.createProcessDefinitionStatisticsQuery()
                .includeFailedJobs().includeIncidents().listPage(0, PAGE)) {
            if (statistics.getInstances() > 0) {
                byKey.computeIfAbsent(statistics.getKey(), key -> new ArrayList<>()).add(statistics);
            }
        }
        List<ProcessView> processes = new ArrayList<>();
        byKey.forEach((key, versions) -> {
            ProcessDefinition latest = latest(key);
            List<VersionView> views = versions.stream()
                    .sorted(Comparator.comparingInt(ProcessDefinitionStatistics::getVersion))
                    .map(version -> new VersionView(version.getId(), version.getVersion(),
                            version.getId().equals(latest.getId()), version.getInstances(), version.getFailedJobs(),
                            version.getIncidentStatistics().stream().mapToLong(i -> i.getIncidentCount()).sum(),
                            activities(version.getId())))
                    .toList();
            List<Integer> deployed = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .orderByProcessDefinitionVersion().asc().listPage(0, PAGE).stream().map(ProcessDefinition::getVersion)
                    .distinct().toList();
            processes.add(new ProcessView(key, latest.getName(), latest.getVersion(), deployed, views));
        });
        return processes;
    }

    /** The plan for the request and the engine's report on it; nothing changes. */
    public PlanView plan(MigrationRequest request) {
        return prepare(request).view();
    }

    /**
     * Starts the migration batch for the cases the request selects. Refused whole (400, nothing started) when the
     * engine refuses the plan or no case matches.
     */
    public BatchStarted start(MigrationRequest request) {
        Prepared prepared = prepare(request);
        if (prepared.plan == null) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (InstructionView instruction : prepared.instructions) {
                errors.put("mappings: " + String.join(",", instruction.sourceActivityIds()) + " → "
                        + String.join(",", instruction.targetActivityIds()), String.join("; ", instruction.failures()));
            }
            prepared.variableFailures.forEach(failure -> errors.put("variables", failure));
            throw new FieldRuleException(HttpStatus.BAD_REQUEST, "invalid-migration-plan",
                    "引擎拒绝迁移计划 / The engine refuses the migration plan", errors);
        }
        long cases = prepared.selectedCount();
        if (cases == 0) {
            throw FieldRuleException.invalid(Map.of("sourceVersion", "没有符合条件的运行中案件 / no running case of version "
                    + prepared.source.getVersion() + " matches the filter"));
        }
        var migration = runtime.newMigration(prepared.plan);
        // by query the engine reads the ids itself, however many cases the version has
        Batch batch = (prepared.request.businessKeysOrNone().isEmpty() ? migration.processInstanceQuery(prepared.cases())
                : migration.processInstanceIds(prepared.selectedIds())).executeAsync();
        return new BatchStarted(batch.getId(), ref(prepared.source), ref(prepared.target), cases);
    }

    /** Migration batches still running (or holding failures), then the last finished ones. */
    public List<BatchView> batches() {
        List<BatchView> views = new ArrayList<>();
        for (Batch batch : management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).listPage(0, PAGE)) {
            views.add(running(batch));
        }
        history.createHistoricBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).completed(true)
                .orderByStartTime().desc().listPage(0, HISTORIC_BATCHES).forEach(batch -> views.add(finished(batch)));
        return views;
    }

    public BatchView batch(String batchId) {
        if (batchId == null || !BATCH_ID.matcher(batchId).matches()) {
            throw FieldRuleException.invalid(Map.of("batchId", "letters, digits and '-', 1 to 64"));
        }
        Batch batch = management.createBatchQuery().batchId(batchId).type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION)
                .singleResult();
        if (batch != null) {
            return running(batch);
        }
        HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId)
                .type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).singleResult();
        if (done == null) {
            throw new FieldRuleException(HttpStatus.NOT_FOUND, "unknown-batch", "迁移批次不存在 / Unknown migration batch",
                    Map.of("batchId", "no migration batch with this id"));
        }
        return finished(done);
    }

    private BatchView running(Batch batch) {
        BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batch.getId()).singleResult();
        List<FailureView> failures = new ArrayList<>();
        for (Job job : management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withException()
                .listPage(0, PAGE)) {
            failures.add(failure(job));
        }
        HistoricBatch historic = history.createHistoricBatchQuery().batchId(batch.getId()).singleResult();
        return new BatchView(batch.getId(), false, historic == null ? null : historic.getStartTime(), null,
                statistics.getTotalJobs(), statistics.getCompletedJobs(), statistics.getRemainingJobs(),
                statistics.getFailedJobs(), failures);
    }

    private static BatchView finished(HistoricBatch batch) {
        return new BatchView(batch.getId(), true, batch.getStartTime(), batch.getEndTime(), batch.getTotalJobs(),
                batch.getTotalJobs(), 0, 0, List.of());
    }

    private FailureView failure(Job job) {
        String message = job.getExceptionMessage() == null ? "" : job.getExceptionMessage();
        Matcher named = INSTANCE_IN_MESSAGE.matcher(message);
        String instanceId = named.find() ? named.group(1) : null;
        String businessKey = null;
        if (instanceId != null) {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
            businessKey = instance == null ? null : instance.getBusinessKey();
        }
        String reason = message.length() > REASON_LENGTH ? message.substring(0, REASON_LENGTH) + "…" : message;
        return new FailureView(job.getId(), instanceId, businessKey, reason, job.getRetries());
    }

    private Prepared prepare(MigrationRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request == null) {
            throw FieldRuleException.invalid(Map.of("body", "a JSON object {processKey, sourceVersion, …} is required"));
        }
        String key = request.processKey();
        if (key == null || !ID.matcher(key).matches()) {
            errors.put("processKey", "required: the key of a deployed process, e.g. identification");
        }
        if (request.sourceVersion() == null || request.sourceVersion() < 1) {
            errors.put("sourceVersion", "required: a version number, 1 or more");
        }
        if (request.targetVersion() != null && request.targetVersion() < 1) {
            errors.put("targetVersion", "a version number, 1 or more (leave out for the latest)");
        }
        List<MigrationRequest.Mapping> mappings = request.mappingsOrNone();
        if (mappings.size() > MAX_MAPPINGS) {
            errors.put("mappings", "at most " + MAX_MAPPINGS);
        }
        checkIds(request.activityIdsOrNone(), "activityIds", MAX_ACTIVITY_FILTER, errors);
        List<String> businessKeys = request.businessKeysOrNone();
        if (businessKeys.size() > MAX_BUSINESS_KEYS) {
            errors.put("businessKeys", "at most " + MAX_BUSINESS_KEYS);
        } else {
            for (int i = 0; i < businessKeys.size(); i++) {
                if (businessKeys.get(i) == null || !BUSINESS_KEY.matcher(businessKeys.get(i)).matches()) {
                    errors.put("businessKeys[" + i + "]", "a case number: letters, digits, '-', '_', '.', ':' or '/'");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        if (latest(key) == null) {
            throw FieldRuleException.invalid(Map.of("processKey", "no process '" + key + "' is deployed"));
        }
        ProcessDefinition source = version(key, request.sourceVersion(), "sourceVersion", errors);
        ProcessDefinition target = request.targetVersion() == null ? latest(key)
                : version(key, request.targetVersion(), "targetVersion", errors);
        if (source != null && target != null && source.getId().equals(target.getId())) {
            errors.put("targetVersion", "must differ from the source version " + source.getVersion());
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
        for (int i = 0; i < mappings.size(); i++) {
            MigrationRequest.Mapping mapping = mappings.get(i);
            if (mapping == null) {
                errors.put("mappings[" + i + "]", "required: {from, to}");
                continue;
            }
            checkActivity(mapping.from(), sourceModel, "mappings[" + i + "].from", source, errors);
            checkActivity(mapping.to(), targetModel, "mappings[" + i + "].to", target, errors);
        }
        for (int i = 0; i < request.activityIdsOrNone().size(); i++) {
            checkActivity(request.activityIdsOrNone().get(i), sourceModel, "activityIds[" + i + "]", source, errors);
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        return build(request, source, target, targetModel);
    }

    private Prepared build(MigrationRequest request, ProcessDefinition source, ProcessDefinition target,
            BpmnModelInstance targetModel) {
        Set<String> explicitSources = new LinkedHashSet<>();
        request.mappingsOrNone().forEach(mapping -> explicitSources.add(mapping.from()));
        // the engine's own mapping of equal activities, without those the administrator maps himself
        MigrationPlan generated = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                .build();
        MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
        Set<String> explicitInstructions = new LinkedHashSet<>();
        for (MigrationInstruction instruction : generated.getInstructions()) {
            if (!explicitSources.contains(instruction.getSourceActivityId())) {
                var mapped = builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
                if (takesNewTrigger(targetModel, instruction.getTargetActivityId())) {
                    mapped.updateEventTrigger();
                }
            }
        }
        for (MigrationRequest.Mapping mapping : request.mappingsOrNone()) {
            var mapped = builder.mapActivities(mapping.from(), mapping.to());
            if (takesNewTrigger(targetModel, mapping.to())) {
                mapped.updateEventTrigger();
            }
            explicitInstructions.add(mapping.from() + "→" + mapping.to());
        }
        Prepared prepared = new Prepared(request, source, target);
        try {
            prepared.plan = builder.build();
            for (MigrationInstruction instruction : prepared.plan.getInstructions()) {
                prepared.instructions.add(new InstructionView(List.of(instruction.getSourceActivityId()),
                        List.of(instruction.getTargetActivityId()), instruction.isUpdateEventTrigger(),
                        explicitInstructions.contains(instruction.getSourceActivityId() + "→"
                                + instruction.getTargetActivityId()), List.of()));
            }
        } catch (MigrationPlanValidationException refused) {
            MigrationPlanValidationReport report = refused.getValidationReport();
            for (MigrationInstructionValidationReport instruction : report.getInstructionReports()) {
                MigrationInstruction refusedInstruction = instruction.getMigrationInstruction();
                prepared.instructions.add(new InstructionView(List.of(refusedInstruction.getSourceActivityId()),
                        List.of(refusedInstruction.getTargetActivityId()), refusedInstruction.isUpdateEventTrigger(),
                        explicitInstructions.contains(refusedInstruction.getSourceActivityId() + "→"
                                + refusedInstruction.getTargetActivityId()), List.copyOf(instruction.getFailures())));
            }
            report.getVariableReports().forEach((name, variable) -> variable.getFailures()
                    .forEach(failure -> prepared.variableFailures.add(name + ": " + failure)));
        }
        return prepared;
    }

    /**
     * Whether a waiting case takes the new version's event definition (updateEventTrigger): yes for a message, signal
     * or condition the case waits for, so a renamed message still reaches it. Never for a timer — neither a timer event
     * nor a task's escalation timer: the engine would compute its due date again from the moment of the migration, and
     * a case would get a new time limit (and its escalation come later) because the model was deployed again. A
     * timer keeps its job and due date; a changed period applies to timers the new version starts.
     */
    static boolean takesNewTrigger(BpmnModelInstance model, String activityId) {
        return model.getModelElementById(activityId) instanceof CatchEvent event
                && !event.getEventDefinitions().isEmpty()
                && event.getEventDefinitions().stream().noneMatch(TimerEventDefinition.class::isInstance);
    }

    private List<ActivityView> activities(String definitionId) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
        return management.createActivityStatisticsQuery(definitionId).includeFailedJobs().includeIncidents()
                .listPage(0, PAGE)
                .stream().filter(activity -> activity.getInstances() > 0 || activity.getFailedJobs() > 0)
                .map(activity -> new ActivityView(activity.getId(), name(model, activity.getId()),
                        activity.getInstances(), activity.getFailedJobs(),
                        activity.getIncidentStatistics().stream().mapToLong(i -> i.getIncidentCount()).sum()))
                .toList();
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().withoutTenantId()
                .singleResult();
    }

    private ProcessDefinition version(String key, int version, String field, Map<String, String> errors) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).withoutTenantId().singleResult();
        if (definition == null) {
            errors.put(field, "no version " + version + " of process '" + key + "' is deployed");
        }
        return definition;
    }

    private static void checkIds(List<String> ids, String field, int max, Map<String, String> errors) {
        if (ids.size() > max) {
            errors.put(field, "at most " + max);
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || !ID.matcher(ids.get(i)).matches()) {
                errors.put(field + "[" + i + "]", "an activity id of the model, e.g. villageReview");
            }
        }
    }

    private static void checkActivity(String id, BpmnModelInstance model, String field, ProcessDefinition definition,
            Map<String, String> errors) {
        if (id == null || !ID.matcher(id).matches()) {
            errors.put(field, "required: an activity id of the model, e.g. villageReview");
        } else if (!(model.getModelElementById(id) instanceof FlowNode)) {
            errors.put(field, "version " + definition.getVersion() + " of '" + definition.getKey()
                    + "' has no activity '" + id + "'");
        }
    }

    private static String name(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = model.getModelElementById(activityId);
        return element instanceof FlowElement flow && flow.getName() != null ? flow.getName() : activityId;
    }

    private static DefinitionRef ref(ProcessDefinition definition) {
        return new DefinitionRef(definition.getId(), definition.getKey(), definition.getVersion());
    }

    /** A built (or refused) plan and the cases it is for. */
    private final class Prepared {
        final MigrationRequest request;
        final ProcessDefinition source;
        final ProcessDefinition target;
        final List<InstructionView> instructions = new ArrayList<>();
        final List<String> variableFailures = new ArrayList<>();
        MigrationPlan plan;

        Prepared(MigrationRequest request, ProcessDefinition source, ProcessDefinition target) {
            this.request = request;
            this.source = source;
            this.target = target;
        }

        ProcessInstanceQuery cases() {
            ProcessInstanceQuery query = runtime.createProcessInstanceQuery().processDefinitionId(source.getId());
            if (!request.activityIdsOrNone().isEmpty()) {
                query.activityIdIn(request.activityIdsOrNone().toArray(String[]::new));
            }
            return query;
        }

        /** The ids of the cases selected by business key, one query each (the engine has no "business key in"). */
        List<String> selectedIds() {
            Set<String> ids = new LinkedHashSet<>();
            for (String businessKey : new LinkedHashSet<>(request.businessKeysOrNone())) {
                cases().processInstanceBusinessKey(businessKey).listPage(0, PAGE)
                        .forEach(instance -> ids.add(instance.getId()));
            }
            return List.copyOf(ids);
        }

        long selectedCount() {
            return request.businessKeysOrNone().isEmpty() ? cases().count() : selectedIds().size();
        }

        PlanView view() {
            List<UnmappedView> unmapped = new ArrayList<>();
            if (plan != null) {
                Set<String> mapped = new LinkedHashSet<>();
                plan.getInstructions().forEach(instruction -> mapped.add(instruction.getSourceActivityId()));
                BpmnModelInstance model = repository.getBpmnModelInstance(source.getId());
                for (ActivityStatistics activity : management.createActivityStatisticsQuery(source.getId())
                        .listPage(0, PAGE)) {
                    if (activity.getInstances() > 0 && !mapped.contains(activity.getId())) {
                        unmapped.add(new UnmappedView(activity.getId(), name(model, activity.getId()),
                                activity.getInstances(), "没有迁移指令，此处的案件无法迁移 / No instruction maps this "
                                        + "activity: its cases cannot be migrated and stay on version "
                                        + source.getVersion()));
                    }
                }
            }
            return new PlanView(plan != null, ref(source), ref(target), List.copyOf(instructions),
                    List.copyOf(variableFailures), unmapped, selectedCount());
        }
    }
}
