package org.precisionaid.bench;

import static org.precisionaid.support.Officials.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.precisionaid.assessment.AssessmentRecords;
import org.precisionaid.assessment.IncomeAccounts;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Annual assessment benchmark, not a test: N registered households of Toli county (bulk-inserted, not taken through
 * identification), then the county starts the year's assessment and the job executor starts one case per household
 * chunk by chunk, as in production. Reports the time until all are started, starts per second and their ratio to
 * the raw commit rate of the same database in the same run; then a sample is taken through the whole exit procedure.
 * {@code ./mvnw -Pbench verify -Dtest=AssessmentBenchmark -Dbench.assessed=100000 -Dbench.db=postgres}
 */
class AssessmentBenchmark {

    static final String COUNTY = "654224000000";
    static final List<String> VILLAGES = IdentificationBenchmark.VILLAGES.stream()
            .filter(village -> village.startsWith("654224")).toList();
    /** Registry ids far above those the sequences hand out in a run. */
    static final long ID_OFFSET = 50_000_000L;

    final int assessed = Integer.getInteger("bench.assessed", 100_000);
    final int sample = Integer.getInteger("bench.exitSample", 20);
    final int workers = Integer.getInteger("bench.workers", 4);
    final List<String> databases = List.of(System.getProperty("bench.assessmentDb", "postgres").split(","));

    @Test
    void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        MachineLoad.atStart(report);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("parameters", Map.of("households", assessed, "exitSample", sample, "workers", workers,
                "args", System.getProperty("bench.args", "")));
        for (String database : databases) {
            report.put(database.trim(), runOn(database.trim()));
        }
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        MachineLoad.atEnd(report);
        Files.writeString(out.resolve("assessment-results.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    }

    private Map<String, Object> runOn(String database) throws Exception {
        List<String> settings = new ArrayList<>(List.of("camunda.bpm.job-execution.enabled=true",
                "camunda.bpm.process-engine-name=bench" + database,
                "spring.datasource.hikari.maximum-pool-size=" + (workers + 4)));
        for (String extra : System.getProperty("bench.args", "").split(" ")) {
            if (!extra.isBlank()) {
                settings.add(extra.replaceFirst("^--", ""));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        try (BenchApplication application = BenchApplication.start(database, "assessment", settings)) {
            ConfigurableApplicationContext context = application.context;
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            int year = LocalDate.now().getYear();
            long setup = System.nanoTime();
            insertRegistered(jdbc, ID_OFFSET, assessed, year, VILLAGES,
                id -> String.format("6542241980%08d", id % 100_000_000L));
            result.put("setupSeconds", IdentificationBenchmark.round((System.nanoTime() - setup) / 1e9));
            Map<String, Object> baseline = IdentificationBenchmark.baseline(dataSource, 20_000, workers);
            result.put("baseline", baseline);
            result.put("bulkStart", bulkStart(context, year));
            double startsPerSecond = ((Number) ((Map<?, ?>) result.get("bulkStart")).get("startsPerSecond")).doubleValue();
            result.put("startsToRawCommitRatio", Math.round(startsPerSecond
                    / ((Number) baseline.get("commitsPerSecond")).doubleValue() * 10_000) / 10_000.0);
            result.put("exitSample", exits(context, jdbc, year));
        }
        return result;
    }

    /**
     * Registered households with a head and a file card, straight into the registry tables: registry ids from
     * {@code firstId}, spread over the villages, the head's ID number from his id.
     */
    static void insertRegistered(JdbcTemplate jdbc, long firstId, int count, int year, List<String> villages,
            java.util.function.LongFunction<String> idNumber) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int from = 0; from < count; from += 2_000) {
            List<Long> ids = new ArrayList<>();
            for (long i = from; i < Math.min(count, from + 2_000); i++) {
                ids.add(firstId + i);
            }
            jdbc.batchUpdate("insert into household (id, application_no, village_code, village_group, income_year,"
                    + " wages, operating_net, property_income, transfer_income, expenditure, per_capita_income,"
                    + " housing_safety, drinking_water, causes, owns_car, registered_business, commercial_housing,"
                    + " civil_servant, status, classification, created_at, updated_at, version, monitored)"
                    + " values (?, ?, ?, '一组', ?, 6000, 1000, 0, 1000, 2000, 2666.67, 'SAFE', 'SAFE', 'ILLNESS',"
                    + " false, false, false, false, 'REGISTERED', 'DEVELOPMENT', ?, ?, 0, false)", ids, 500,
                    (statement, id) -> {
                        String village = villages.get((int) (id % villages.size()));
                        statement.setLong(1, id);
                        statement.setString(2, "BENCH-" + village + "-" + id);
                        statement.setString(3, village);
                        statement.setInt(4, year - 1);
                        statement.setTimestamp(5, now);
                        statement.setTimestamp(6, now);
                    });
            jdbc.batchUpdate("insert into household_member (id, household_id, position, name, id_number, relation, sex,"
                    + " birth_date, health, education, labour_capacity) values (?, ?, 0, ?, ?, 'HEAD', 'MALE', ?,"
                    + " 'HEALTHY', 'JUNIOR', 'FULL')", ids, 500, (statement, id) -> {
                        statement.setLong(1, id);
                        statement.setLong(2, id);
                        statement.setString(3, "户主" + id);
                        statement.setString(4, idNumber.apply(id));
                        statement.setDate(5, Date.valueOf("1980-01-01"));
                    });
            jdbc.batchUpdate("insert into file_card (household_id, card_no, support_category, support_measures,"
                    + " planned_exit_year, registered_at, registered_by) values (?, ?, 'DEVELOPMENT', '产业扶持', ?, ?,"
                    + " 'bench')", ids, 500, (statement, id) -> {
                        statement.setLong(1, id);
                        statement.setString(2, "JDLK-BENCH-" + id);
                        statement.setInt(3, year);
                        statement.setTimestamp(4, now);
                    });
        }
    }

    /** The county office starts the year; the job executor starts the cases chunk by chunk. */
    private Map<String, Object> bulkStart(ConfigurableApplicationContext context, int year) throws Exception {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        AssessmentRecords records = context.getBean(AssessmentRecords.class);
        long start = System.nanoTime();
        runtime.startProcessInstanceByKey("annualAssessmentStart", Variables.createVariables()
                .putValue("countyCode", COUNTY).putValue("assessmentYear", year));
        List<Map<String, Object>> progress = new ArrayList<>();
        while (records.run(COUNTY, year).orElseThrow().finishedAt() == null) {
            Thread.sleep(5_000);
            progress.add(Map.of("seconds", IdentificationBenchmark.round((System.nanoTime() - start) / 1e9),
                    "started", records.started(COUNTY, year), "load", MachineLoad.now()));
            if ((System.nanoTime() - start) / 1e9 > 3_600) {
                throw new IllegalStateException("not all started within an hour: " + progress.get(progress.size() - 1));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int started = records.started(COUNTY, year);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("households", records.run(COUNTY, year).orElseThrow().total());
        result.put("started", started);
        result.put("secondsToAllStarted", IdentificationBenchmark.round(seconds));
        result.put("startsPerSecond", IdentificationBenchmark.round(started / seconds));
        // how long after its last chunk began the run said it was finished (75 s at 20,000 before ADR 0032)
        Double lag = context.getBean(JdbcTemplate.class).queryForObject("select extract(epoch from r.finished_at"
                + " - (select max(a.started_at) from household_assessment a where a.county_code = r.county_code"
                + " and a.assessment_year = r.assessment_year)) from assessment_run r where r.county_code = ?"
                + " and r.assessment_year = ?", Double.class, COUNTY, year);
        result.put("secondsFromLastChunkToFinished", lag == null ? null : IdentificationBenchmark.round(lag));
        result.put("openTasks", context.getBean(TaskService.class).createTaskQuery()
                .processDefinitionKey("annualAssessment").count());
        result.put("progress", progress);
        return result;
    }

    /** A sample of the started households through account, assessment and the whole exit procedure. */
    private Map<String, Object> exits(ConfigurableApplicationContext context, JdbcTemplate jdbc, int year) {
        IncomeAccounts accounts = context.getBean(IncomeAccounts.class);
        TaskService tasks = context.getBean(TaskService.class);
        IdentityService identity = context.getBean(IdentityService.class);
        ManagementService management = context.getBean(ManagementService.class);
        RuntimeService runtime = context.getBean(RuntimeService.class);
        Stats stats = new Stats();
        long start = System.nanoTime();
        int exited = 0;
        for (int i = 0; i < sample; i++) {
            long id = ID_OFFSET + i;
            String village = VILLAGES.get((int) (id % VILLAGES.size()));
            String no = "BENCH-" + village + "-" + id;
            String clerk = "clerk." + village;
            for (int y : new int[] {year - 1, year}) {
                accounts.record(no, new IncomeAccounts.NewEntry(y == year ? LocalDate.now().withDayOfMonth(1)
                        : LocalDate.of(y, 6, 30), "WAGES", 1_200_000L, "bench"), clerk);
            }
            Map<String, Object> guarantees = Map.of("foodAndClothing", true, "compulsoryEducation", true,
                    "medicalInsurance", true, "safeHousing", true, "safeDrinkingWater", true, "accountConfirmed", true);
            step(stats, tasks, identity, "1-confirmAccount", clerk, no, guarantees);
            step(stats, tasks, identity, "2-exitEvaluation", clerk, no, Map.of("exitMeetingDate", new java.util.Date(),
                    "exitAttendees", 20L, "exitVotesFor", 15L, "exitMinutes", "bench"));
            step(stats, tasks, identity, "3-exitVerification", "village." + village, no,
                    Map.of("verificationDecision", "approve", "workTeam", "bench"));
            step(stats, tasks, identity, "4-householdConsent", clerk, no,
                    Map.of("consentDecision", "agree", "consentDate", new java.util.Date()));
            String exitInstance = runtime.createProcessInstanceQuery().processDefinitionKey("householdExit")
                    .processInstanceBusinessKey(no).singleResult().getId();
            stats.time("5-noticeOver", () -> {
                management.executeJob(management.createJobQuery().processInstanceId(exitInstance)
                        .activityId("exitNoticeOver").singleResult().getId());
                return null;
            });
            step(stats, tasks, identity, "6-townshipVerification", "township." + village.substring(0, 9), no,
                    Map.of("exitTownshipDecision", "approve"));
            step(stats, tasks, identity, "7-countyApproval", "county." + village.substring(0, 6), no,
                    Map.of("exitCountyDecision", "approve"));
            if ("EXITED".equals(jdbc.queryForObject("select status from household where id = ?", String.class, id))) {
                exited++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("households", sample);
        result.put("exited", exited);
        result.put("seconds", IdentificationBenchmark.round(seconds));
        result.put("householdsPerMinute", IdentificationBenchmark.round(sample / seconds * 60));
        result.put("steps", stats.percentiles());
        return result;
    }

    private static void step(Stats stats, TaskService tasks, IdentityService identity, String name, String official,
            String businessKey, Map<String, Object> variables) {
        stats.time(name, () -> as(identity, official, () -> {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).active()
                    .taskDefinitionKey(name.substring(2)).singleResult();
            tasks.claim(task.getId(), official);
            tasks.complete(task.getId(), variables);
            return null;
        }));
    }
}
