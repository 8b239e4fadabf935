package org.precisionaid.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * The bare engine: the identification model's shape — the same two service steps, four reviews with their
 * gateways, a due date and an escalation timer on every task, the notice sub-process with its timer and its objection
 * event sub-process, the registration — in a Camunda engine of its own with history FULL and authorization on, and
 * nothing of ours: no listeners, no delegates, no DMN, no registry, no command interceptors, no history filter. The
 * same workers take the same households through it with the same calls as S1 (start, then each official finds his
 * task in his authorized view, claims and completes it with his form's values; the notice timer fires), so S1 ÷ bare
 * says how much of identification's cost is ours (issue #26).
 */
final class BareEngineBaseline {

    static final String PROCESS = "identificationBare";

    private BareEngineBaseline() {
    }

    /** Runs {@code households} through the bare model on a fresh database of the same server. */
    static Map<String, Object> run(DataSource database, int households, int warmUp, int workers) throws Exception {
        try (HikariDataSource dataSource = freshDatabase(database, workers)) {
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setProcessEngineName("bare");
            configuration.setDataSource(dataSource);
            configuration.setDatabaseSchemaUpdate("true");
            configuration.setHistory("full");
            configuration.setAuthorizationEnabled(true);
            configuration.setJobExecutorActivate(false);
            configuration.setIdBlockSize(1000); // short ids from the database's counter, as the application's (ADR 0035)
            configuration.setMetricsEnabled(false);
            ProcessEngine engine = configuration.buildProcessEngine();
            try {
                engine.getRepositoryService().createDeployment().addModelInstance("identification-bare.bpmn", model())
                        .deploy();
                grantStart(engine);
                drive(engine, households, households + warmUp, workers, new Stats()); // untimed, as S1's first ones
                Stats stats = new Stats();
                CpuTime cpu = CpuTime.start();
                long start = System.nanoTime();
                drive(engine, 0, households, workers, stats);
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Object> cpuPerHousehold = cpu.perUnit(households);
                double othersCpu = cpu.othersSeconds();
                long ended = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                        .completed().count();
                if (ended < households + warmUp) {
                    throw new IllegalStateException("only " + ended + " of " + (households + warmUp) + " bare cases ended");
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("households", households);
                result.put("warmUpHouseholds", warmUp);
                result.put("seconds", IdentificationBenchmark.round(seconds));
                result.put("householdsPerSecond", households == 0 ? 0 : IdentificationBenchmark.round(households / seconds));
                result.put("cpuMsPerHousehold", cpuPerHousehold);
                result.put("otherProcessesCpuSeconds", othersCpu);
                result.put("steps", stats.percentiles());
                return result;
            } finally {
                engine.close();
            }
        }
    }

    /** A database of its own on the same server (PostgreSQL: a new database; H2: a new file), same pool size. */
    private static HikariDataSource freshDatabase(DataSource appDatabase, int workers) throws Exception {
        String url;
        String user;
        try (Connection connection = appDatabase.getConnection()) {
            url = connection.getMetaData().getURL();
            user = connection.getMetaData().getUserName();
            if (url.startsWith("jdbc:postgresql:")) {
                String name = "bare_" + System.currentTimeMillis();
                try (Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(true);
                    statement.execute("create database " + name);
                }
                url = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            } else {
                url = "jdbc:h2:file:" + java.nio.file.Path.of("target", "bench", "bare-" + System.currentTimeMillis())
                        .toAbsolutePath();
                user = "sa";
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(url.startsWith("jdbc:postgresql:") ? System.getProperty("bench.pgPassword", "postgres") : "");
        config.setMaximumPoolSize(workers + 2);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    /** The clerks start cases, as in S1 (where the clerk's application starts one). */
    private static void grantStart(ProcessEngine engine) {
        for (var grant : List.of(Map.entry(Resources.PROCESS_DEFINITION, Permissions.CREATE_INSTANCE),
                Map.entry(Resources.PROCESS_INSTANCE, Permissions.CREATE))) {
            Authorization authorization = engine.getAuthorizationService()
                    .createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId("clerks");
            authorization.setResource(grant.getKey());
            authorization.setResourceId("*");
            authorization.addPermission(grant.getValue());
            engine.getAuthorizationService().saveAuthorization(authorization);
        }
    }

    private static void drive(ProcessEngine engine, long from, long to, int workers, Stats stats) throws Exception {
        TaskService tasks = engine.getTaskService();
        IdentityService identity = engine.getIdentityService();
        AtomicLong next = new AtomicLong(from);
        Workers.parallel(workers, worker -> {
            for (long n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
                String village = IdentificationBenchmark.VILLAGES.get((int) (n % IdentificationBenchmark.VILLAGES.size()));
                String township = village.substring(0, 9);
                String county = village.substring(0, 6);
                String applicationNo = "BARE-" + n;
                Map<String, Object> application = new LinkedHashMap<>();
                application.put("regionCode", village);
                application.put("township", township);
                application.put("county", county);
                application.put("eligible", true);
                application.put("noticeEnds", Date.from(Instant.now().plus(7, ChronoUnit.DAYS)));
                stats.time("1-apply", () -> as(identity, "clerk." + village, List.of("clerks", "clerk-" + village),
                        () -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS, applicationNo, application)));
                step(stats, tasks, identity, "2-groupEvaluation", "clerk." + village, "clerk-" + village, applicationNo,
                        Map.of("meetingDate", new Date(), "attendees", 30L, "votesFor", 20L, "groupMinutes", "通过"));
                step(stats, tasks, identity, "3-villageReview", "village." + village, "village-" + village,
                        applicationNo, Map.of("villageDecision", "approve", "villageNoticeDate", new Date()));
                step(stats, tasks, identity, "4-townshipReview", "township." + township, "township-" + township,
                        applicationNo, Map.of("townshipDecision", "approve"));
                step(stats, tasks, identity, "5-countyReview", "county." + county, "county-" + county, applicationNo,
                        Map.of("countyDecision", "approve"));
                String instanceId = engine.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceBusinessKey(applicationNo).singleResult().getId();
                stats.time("6-noticeTimer", () -> engine.getManagementService().executeJob(engine.getManagementService()
                        .createJobQuery().processInstanceId(instanceId).activityId("noticePeriodOver").singleResult()
                        .getId()));
                step(stats, tasks, identity, "7-registration", "township." + township, "township-" + township,
                        applicationNo, Map.of("cadreId", String.valueOf(n), "supportMeasures", "产业扶持",
                                "plannedExitYear", (long) java.time.Year.now().getValue() + 1));
            }
        });
    }

    private static void step(Stats stats, TaskService tasks, IdentityService identity, String step, String official,
            String group, String applicationNo, Map<String, Object> variables) {
        Task task = stats.time(step + "-find", () -> as(identity, official, List.of(group),
                () -> tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult()));
        stats.time(step + "-claim", () -> as(identity, official, List.of(group), () -> {
            tasks.claim(task.getId(), official);
            return null;
        }));
        stats.time(step + "-complete", () -> as(identity, official, List.of(group), () -> {
            tasks.complete(task.getId(), variables);
            return null;
        }));
    }

    private static <T> T as(IdentityService identity, String user, List<String> groups, Supplier<T> work) {
        identity.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The identification model's shape (bpmn/identification.bpmn), expressions only. */
    static BpmnModelInstance model() {
        var process = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(3650)
                .startEvent("applicationSubmitted")
                .serviceTask("recordApplication").camundaExpression("${true}")
                .serviceTask("prescreen").camundaExpression("${true}")
                .exclusiveGateway("eligibleGateway")
                .condition("ineligible", "${!eligible}").endEvent("applicationRejected")
                .moveToNode("eligibleGateway").condition("eligible", "${eligible}");
        var afterGroup = review(process, "groupEvaluation", "clerk-${regionCode}")
                .exclusiveGateway("votePassedGateway")
                .condition("voteFailed", "${votesFor * 2 <= attendees}").endEvent("voteFailedEnd")
                .moveToNode("votePassedGateway").condition("votePassed", "${votesFor * 2 > attendees}");
        var afterVillage = review(afterGroup, "villageReview", "village-${regionCode}")
                .exclusiveGateway("villageApprovedGateway")
                .condition("villageRejected", "${villageDecision != 'approve'}").endEvent("villageRejectedEnd")
                .moveToNode("villageApprovedGateway").condition("villageApproved", "${villageDecision == 'approve'}");
        var afterTownship = review(afterVillage, "townshipReview", "township-${township}")
                .exclusiveGateway("townshipDecisionGateway")
                .condition("townshipRejected", "${townshipDecision != 'approve'}").endEvent("townshipRejectedEnd")
                .moveToNode("townshipDecisionGateway").condition("townshipApproved", "${townshipDecision == 'approve'}");
        var afterCounty = review(afterTownship, "countyReview", "county-${county}")
                .exclusiveGateway("countyApprovedGateway")
                .condition("countyRejected", "${countyDecision != 'approve'}").endEvent("countyRejectedEnd")
                .moveToNode("countyApprovedGateway").condition("countyApproved", "${countyDecision == 'approve'}");
        var notice = afterCounty.serviceTask("publishAnnouncement").camundaExpression("${true}")
                .subProcess("announcement").embeddedSubProcess().startEvent("noticeStarted")
                .intermediateCatchEvent("noticePeriodOver").timerWithDate("${noticeEnds}")
                .endEvent("noticeClosed").subProcessDone();
        var done = review(notice, "registration", "township-${township}")
                .serviceTask("registerHousehold").camundaExpression("${true}")
                .endEvent("householdRegistered").done();
        // the objection event sub-process inside the notice, as in the real model (its message subscription)
        var announcement = (org.camunda.bpm.model.bpmn.instance.SubProcess) done.getModelElementById("announcement");
        announcement.builder().embeddedSubProcess().eventSubProcess("objectionHandling")
                .startEvent("objectionReceived").message("objectionRaisedBare").interrupting(false)
                .userTask("investigateObjection").camundaCandidateGroups("township-${township}")
                .endEvent("objectionDismissed");
        return done;
    }

    /** A user task with its due date and its escalation timer, as every review has. */
    private static AbstractFlowNodeBuilder<?, ?> review(AbstractFlowNodeBuilder<?, ?> before, String id,
            String candidateGroups) {
        return before.userTask(id).camundaCandidateGroups(candidateGroups).camundaDueDate("${dateTime().plusDays(30).toDate()}")
                .boundaryEvent(id + "Overdue").cancelActivity(false).timerWithDuration("P30D").endEvent(id + "Escalated")
                .<org.camunda.bpm.model.bpmn.builder.UserTaskBuilder>moveToActivity(id);
    }
}
