package org.precisionaid.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.precisionaid.procedure.ObjectionRepository;
import org.precisionaid.registry.Codes;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.PhoneNumber;
import org.precisionaid.registry.StatusChange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads cases for auditors. Which case a caller may read is decided once, by the engine's own authorization
 * (the per-case READ grants auditors receive when a case starts, see RegionAccessGrants); the details of a case he
 * may read are then gathered with the engine's system rights, since Camunda would otherwise ask for history rights
 * on whole process definitions, which would open every region (ADR 0002). Nothing here writes.
 */
@Service
public class AuditService {

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
    private static final int MAX_VALUE_LENGTH = 300;
    private static final long SUBMISSION_WINDOW_MS = 5_000;
    private static final String MONITORING = "monitoring";

    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final AuditRegistryQueries registry;
    private final ObjectionRepository objections;
    private final List<String> auditedProcesses;

    public AuditService(HistoryService history, RepositoryService repository, IdentityService identity,
            AuditRegistryQueries registry, ObjectionRepository objections,
            @Value("${precision-aid.audit.processes:identification,funding,annualAssessment,householdExit,villageExit,monitoring}")
            List<String> auditedProcesses) {
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.registry = registry;
        this.objections = objections;
        this.auditedProcesses = List.copyOf(auditedProcesses);
    }

    public record Search(String q, Codes.Status status, Codes.Level level, Instant from, Instant to, String state,
            String regionPrefix, int page, int size) {
    }

    /** Runs with the caller's engine authentication in place: he finds only what he may read. */
    @Transactional(readOnly = true)
    public AuditSummary.Page search(Search search) {
        if (search.status() != null || search.level() != null) {
            return searchRegistry(search);
        }
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(auditedProcesses.toArray(String[]::new));
        String q = search.q() == null ? "" : search.q().strip();
        if (ID_NUMBER.matcher(q).matches()) {
            List<String> keys = new ArrayList<>(registry.applicationNosOfPerson(q.toUpperCase()));
            keys.addAll(registry.monitoringCasesOfPerson(q.toUpperCase()));
            if (keys.isEmpty()) {
                return new AuditSummary.Page(search.page(), search.size(), 0, List.of());
            }
            query.processInstanceBusinessKeyIn(keys.toArray(String[]::new));
        } else if (!q.isEmpty()) {
            // a household's number finds its own cases and its monitoring cases (numbered JC-…)
            List<String> monitoringCases = registry.monitoringCasesOfHousehold(q);
            if (monitoringCases.isEmpty()) {
                query.processInstanceBusinessKeyLike("%" + q + "%");
            } else {
                List<String> keys = new ArrayList<>(monitoringCases);
                keys.add(q);
                query.processInstanceBusinessKeyIn(keys.toArray(String[]::new));
            }
        }
        if (search.from() != null) {
            query.startedAfter(Date.from(search.from()));
        }
        if (search.to() != null) {
            query.startedBefore(Date.from(search.to()));
        }
        if ("running".equals(search.state())) {
            query.unfinished();
        } else if ("finished".equals(search.state())) {
            query.finished();
        }
        long total = query.count();
        List<AuditSummary> rows = query.orderByProcessInstanceStartTime().desc()
                .listPage(search.page() * search.size(), search.size()).stream().map(this::summary).toList();
        return new AuditSummary.Page(search.page(), search.size(), total, rows);
    }

    private AuditSummary.Page searchRegistry(Search search) {
        long total = registry.count(search.regionPrefix(), search.status(), search.level(), search.from(), search.to());
        List<String> keys = registry.applicationNos(search.regionPrefix(), search.status(), search.level(),
                search.from(), search.to(), PageRequest.of(search.page(), search.size()));
        List<AuditSummary> rows = new ArrayList<>();
        if (!keys.isEmpty()) {
            Map<String, HistoricProcessInstance> byKey = new LinkedHashMap<>();
            history.createHistoricProcessInstanceQuery().processDefinitionKeyIn(auditedProcesses.toArray(String[]::new))
                    .processInstanceBusinessKeyIn(keys.toArray(String[]::new))
                    .orderByProcessInstanceStartTime().asc().listPage(0, keys.size() * 4)
                    .forEach(instance -> byKey.put(instance.getBusinessKey(), instance));
            keys.stream().filter(byKey::containsKey).map(key -> summary(byKey.get(key))).forEach(rows::add);
        }
        return new AuditSummary.Page(search.page(), search.size(), total, rows);
    }

    /** The case's household: by its number, or for a monitoring case by the case's own number. */
    private Household householdOf(HistoricProcessInstance instance) {
        String key = instance.getBusinessKey();
        if (key == null) {
            return null;
        }
        return MONITORING.equals(instance.getProcessDefinitionKey()) ? registry.householdOfMonitoringCase(key)
                : registry.household(key);
    }

    private AuditSummary summary(HistoricProcessInstance instance) {
        Household household = householdOf(instance);
        String lastLevel = household == null || household.getHistory().isEmpty() ? null
                : household.getHistory().get(household.getHistory().size() - 1).getLevel().name();
        return new AuditSummary(instance.getBusinessKey(), instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionName(), instance.getState(), instant(instance.getStartTime()),
                instant(instance.getEndTime()), household == null ? null : household.getStatus().name(), lastLevel);
    }

    /** The newest case with this number that the caller may read, with everything that happened in it. */
    @Transactional(readOnly = true)
    public AuditCase read(String businessKey) {
        List<HistoricProcessInstance> readable = readable(businessKey);
        return asSystem(() -> gather(readable.get(0), readable));
    }

    /** The diagram of a case the caller may read. */
    public String diagram(String businessKey) {
        HistoricProcessInstance instance = readable(businessKey).get(0);
        return asSystem(() -> {
            try (var in = repository.getProcessModel(instance.getProcessDefinitionId())) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The caller's cases with this number, newest first, as the engine's authorization lets him see them. */
    private List<HistoricProcessInstance> readable(String businessKey) {
        List<HistoricProcessInstance> readable = history.createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(auditedProcesses.toArray(String[]::new))
                .processInstanceBusinessKey(businessKey).orderByProcessInstanceStartTime().desc().listPage(0, 20);
        if (readable.isEmpty()) {
            throw new AuditCaseNotFoundException(businessKey);
        }
        return readable;
    }

    private AuditCase gather(HistoricProcessInstance instance, List<HistoricProcessInstance> readable) {
        String id = instance.getId();
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery().processInstanceId(id)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(id)
                .orderByHistoricActivityInstanceStartTime().asc().list();
        List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
                .orderByTime().asc().list();
        List<UserOperationLogEntry> operations = history.createUserOperationLogQuery().processInstanceId(id)
                .orderByTimestamp().asc().list();
        Household household = householdOf(instance);

        List<AuditCase.Event> timeline = new ArrayList<>();
        timeline.add(new AuditCase.Event(instant(instance.getStartTime()), "started", "案件开始 / Case opened", null,
                instance.getStartUserId(), Map.of()));
        Map<String, HistoricTaskInstance> taskById = new LinkedHashMap<>();
        tasks.forEach(task -> taskById.put(task.getId(), task));
        for (HistoricTaskInstance task : tasks) {
            timeline.add(new AuditCase.Event(instant(task.getStartTime()), "task-created", task.getName(),
                    task.getTaskDefinitionKey(), null, dueOf(task)));
            if (task.getEndTime() != null) {
                Map<String, Object> submitted = submittedValues(details, task);
                String kind = "completed".equals(task.getDeleteReason()) ? "task-completed" : "task-ended";
                timeline.add(new AuditCase.Event(instant(task.getEndTime()), kind, task.getName(),
                        task.getTaskDefinitionKey(), task.getAssignee(), submitted));
            }
        }
        // claims and assignments as the operation log holds them (the identity-link log is not kept: AuditedHistory)
        for (UserOperationLogEntry entry : operations) {
            boolean claimed = UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(entry.getOperationType());
            boolean assigned = UserOperationLogEntry.OPERATION_TYPE_ASSIGN.equals(entry.getOperationType());
            if ((claimed || assigned) && "assignee".equals(entry.getProperty()) && entry.getNewValue() != null) {
                HistoricTaskInstance task = taskById.get(entry.getTaskId());
                timeline.add(new AuditCase.Event(instant(entry.getTimestamp()), "task-claimed",
                        task == null ? "任务 / Task" : task.getName(), task == null ? null : task.getTaskDefinitionKey(),
                        entry.getNewValue(), Map.of("assignedBy", String.valueOf(entry.getUserId()))));
            }
        }
        for (HistoricDetail detail : details) {
            if (detail instanceof HistoricVariableUpdate update && "escalatedTo".equals(update.getVariableName())) {
                HistoricTaskInstance task = taskById.get(update.getTaskId());
                timeline.add(new AuditCase.Event(instant(update.getTime()), "escalated",
                        task == null ? "逾期上报 / Escalated" : task.getName(),
                        task == null ? null : task.getTaskDefinitionKey(), null,
                        Map.of("escalatedTo", String.valueOf(update.getValue()))));
            }
        }
        if (household != null) {
            for (StatusChange change : household.getHistory()) {
                if (!decisionOfThisCase(instance, change)) {
                    continue;
                }
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("status", change.getStatus().label());
                facts.put("level", change.getLevel().label());
                if (change.getReason() != null) {
                    facts.put("reason", masked(change.getReason()));
                }
                timeline.add(new AuditCase.Event(change.getAt(), "decision", change.getDecision(), null,
                        change.getActor(), facts));
            }
        }
        if (instance.getEndTime() != null) {
            timeline.add(new AuditCase.Event(instant(instance.getEndTime()), "ended", "案件结束 / Case closed", null,
                    null, Map.of("state", instance.getState())));
        }
        timeline.sort(Comparator.comparing(AuditCase.Event::at, Comparator.nullsLast(Comparator.naturalOrder())));

        List<AuditCase.Operation> operationLog = new ArrayList<>(operations.stream().map(entry -> new AuditCase.Operation(
                instant(entry.getTimestamp()), entry.getUserId(), entry.getOperationType(), entry.getEntityType(),
                entry.getProperty(), masked(entry.getOrgValue()), masked(entry.getNewValue()))).toList());
        operationLog.addAll(completionsByTheirHolders(tasks, operations));
        operationLog.sort(Comparator.comparing(AuditCase.Operation::at, Comparator.nullsLast(Comparator.naturalOrder())));
        List<AuditCase.ObjectionRecord> objectionRecords = household == null ? List.of()
                : objections.findByHouseholdIdOrderById(household.getId()).stream()
                        .map(o -> new AuditCase.ObjectionRecord(o.getId(), o.getSubmittedAt(), masked(o.getReason()),
                                maskPhone(o.getContact()), o.getStatus().name(), masked(o.getFinding()), o.getDecidedBy(),
                                o.getDecidedAt()))
                        .toList();
        ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
        return new AuditCase(instance.getBusinessKey(), id, instance.getProcessDefinitionId(),
                instance.getProcessDefinitionKey(), definition.getName(), instance.getState(),
                instant(instance.getStartTime()), instant(instance.getEndTime()), instance.getStartUserId(),
                household == null ? null : household.getVillageCode(),
                household == null ? null : household.getStatus().name(),
                passed(instance, activities, tasks),
                Stream.concat(activities.stream().filter(a -> a.getEndTime() == null).map(HistoricActivityInstance::getActivityId),
                        tasks.stream().filter(t -> t.getEndTime() == null).map(HistoricTaskInstance::getTaskDefinitionKey))
                        .distinct().toList(),
                timeline, operationLog, objectionRecords,
                readable.stream().skip(1).map(other -> other.getProcessDefinitionKey() + " " + other.getId()).toList());
    }

    /**
     * A task completed by the official who held it is recorded once, on the task's row (ADR 0028); the log shows it as
     * the engine would have written it. A completion by anyone else is in the operation log itself.
     */
    private static List<AuditCase.Operation> completionsByTheirHolders(List<HistoricTaskInstance> tasks,
            List<UserOperationLogEntry> operations) {
        java.util.Set<String> logged = new java.util.HashSet<>();
        operations.stream().filter(entry -> UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType()))
                .forEach(entry -> logged.add(entry.getTaskId()));
        return tasks.stream().filter(task -> "completed".equals(task.getDeleteReason()) && task.getAssignee() != null
                        && !logged.contains(task.getId()))
                .map(task -> new AuditCase.Operation(instant(task.getEndTime()), task.getAssignee(),
                        UserOperationLogEntry.OPERATION_TYPE_COMPLETE, org.camunda.bpm.engine.EntityTypes.TASK, "delete",
                        "false", "true"))
                .toList();
    }

    /**
     * The activities the case went through. History keeps each one once (ADR 0028): user tasks as tasks, the case's
     * none start and end events on the case's own row.
     */
    private static List<String> passed(HistoricProcessInstance instance, List<HistoricActivityInstance> activities,
            List<HistoricTaskInstance> tasks) {
        Stream<String> between = activities.stream().filter(a -> a.getEndTime() != null && !a.isCanceled())
                .map(HistoricActivityInstance::getActivityId);
        Stream<String> tasksDone = tasks.stream().filter(t -> "completed".equals(t.getDeleteReason()))
                .map(HistoricTaskInstance::getTaskDefinitionKey);
        return Stream.of(Stream.ofNullable(instance.getStartActivityId()), between, tasksDone,
                Stream.ofNullable(instance.getEndActivityId())).flatMap(ids -> ids).distinct().toList();
    }

    /**
     * A household's decisions belong to each of its cases, except that a monitoring case shows only the monitoring
     * decisions made since it opened (not the identification years before, nor an earlier monitoring case's).
     */
    private static boolean decisionOfThisCase(HistoricProcessInstance instance, StatusChange change) {
        if (!MONITORING.equals(instance.getProcessDefinitionKey())) {
            return true;
        }
        // the case's row (and its first decision) is written in the transaction that starts the instance, a moment before
        Instant from = instance.getStartTime().toInstant().minusSeconds(60);
        return change.getLevel() == Codes.Level.MONITORING && change.getAt() != null && !change.getAt().isBefore(from)
                && (instance.getEndTime() == null
                        || !change.getAt().isAfter(instance.getEndTime().toInstant().plusSeconds(60)));
    }

    /**
     * The values an official submitted when he completed the task, as the engine recorded them: the variable updates
     * of the task's activity written in the moments of its completion (values set when the task was created are not
     * his).
     */
    private static Map<String, Object> submittedValues(List<HistoricDetail> details, HistoricTaskInstance task) {
        Map<String, Object> values = new LinkedHashMap<>();
        long completedFrom = task.getEndTime().getTime() - SUBMISSION_WINDOW_MS;
        for (HistoricDetail detail : details) {
            boolean ofThisTask = task.getId().equals(detail.getTaskId())
                    || (detail.getActivityInstanceId() != null
                            && detail.getActivityInstanceId().equals(task.getActivityInstanceId()));
            if (ofThisTask && detail.getTime().getTime() >= completedFrom && detail instanceof HistoricVariableUpdate update
                    && !"escalatedTo".equals(update.getVariableName())) {
                Object value = update.getValue();
                values.put(update.getVariableName(), value instanceof Date date ? date.toInstant().toString()
                        : value instanceof String || value instanceof Number || value instanceof Boolean
                                ? masked(String.valueOf(value)) : update.getTypeName());
            }
        }
        return values;
    }

    private static Map<String, Object> dueOf(HistoricTaskInstance task) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (task.getDueDate() != null) {
            facts.put("due", instant(task.getDueDate()).toString());
        }
        return facts;
    }

    /** Free text may quote an ID number or a phone; the audit view shows neither in full. */
    static String masked(String text) {
        if (text == null) {
            return null;
        }
        String shortened = text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "…" : text;
        return org.precisionaid.registry.PersonalData.text(shortened, false);
    }

    static String maskPhone(String phone) {
        return PhoneNumber.mask(phone);
    }

    private <T> T asSystem(Supplier<T> read) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
