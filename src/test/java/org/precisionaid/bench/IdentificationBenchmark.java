package org.precisionaid.bench;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.PrecisionAidApplication;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.HouseholdRepository;
import org.precisionaid.support.Applications;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.SharedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: prints and writes figures (target/bench/results.json and .md), asserts nothing about
 * time. Run with {@code ./mvnw -Pbench verify}; parameters as system properties, see docs/benchmarks.md.
 */
class IdentificationBenchmark {

    static final List<String> VILLAGES = List.of("654224100201", "654224100200", "654224100001", "654224100002",
            "654224101201", "654224101200", "654224101203", "654224101001", "654224102201", "654224102202",
            "654224102203", "654224102204", "654225101205", "654225101206", "654225101207", "654225101208",
            "654225101201", "654225101202", "654225101203", "654225101204", "654225101209", "654225101210",
            "654225101211", "654225101200");
    /** Write transactions one household takes: start, 5 tasks × (claim + complete), the notice timer. */
    static final int TRANSACTIONS_PER_HOUSEHOLD = 12;

    final int households = Integer.getInteger("bench.households", 10_000);
    final int workers = Integer.getInteger("bench.workers", 4);
    final int openTasks = Integer.getInteger("bench.tasks", 100_000);
    final int queries = Integer.getInteger("bench.queries", 300);
    final int baselineCommits = Integer.getInteger("bench.baselineCommits", 20_000);
    final boolean bare = Boolean.parseBoolean(System.getProperty("bench.bare", "true"));
    /** Households run untimed before S1 and before the bare run, each in its own engine's JIT-warmed code. */
    final int warmUp = Integer.getInteger("bench.warmup", 100);
    final List<String> databases = List.of(System.getProperty("bench.db", "h2,postgres").split(","));

    @Test
    void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        MachineLoad.atStart(report);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1_048_576);
        report.put("parameters", Map.of("households", households, "workers", workers, "openTasks", openTasks,
                "queries", queries, "baselineCommits", baselineCommits));
        for (String database : databases) {
            report.put(database.trim(), runOn(database.trim()));
        }
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        MachineLoad.atEnd(report);
        Files.writeString(out.resolve("results.json"), json.writeValueAsString(report));
        Files.writeString(out.resolve("results.md"), BenchReport.markdown(report));
        System.out.println(BenchReport.markdown(report));
    }

    private Map<String, Object> runOn(String database) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        List<String> properties = new ArrayList<>(List.of("server.port=0", "precision-aid.demo=true",
                "precision-aid.admin.password=bench-admin-password",
                "precision-aid.security.password-hash-iterations=10000", "camunda.bpm.job-execution.enabled=false",
                "logging.level.root=WARN", "spring.datasource.hikari.maximum-pool-size=" + (workers + 2)));
        // extra settings to compare a tuning against the defaults in the same way: -Dbench.args="a=b;c=d"
        String extra = System.getProperty("bench.args", "");
        if (!extra.isBlank()) {
            properties.addAll(List.of(extra.split(";")));
        }
        String[] profiles;
        Path h2File = null;
        if ("postgres".equals(database)) {
            // -Dbench.pgUrl=jdbc:postgresql://host/db (with bench.pgUser, bench.pgPassword): measure a real server
            String url = System.getProperty("bench.pgUrl", "");
            properties.addAll(List.of("PA_DB_URL=" + (url.isBlank() ? SharedPostgres.jdbcUrl() : url),
                    "PA_DB_USER=" + System.getProperty("bench.pgUser", "postgres"),
                    "PA_DB_PASSWORD=" + System.getProperty("bench.pgPassword", "postgres")));
            profiles = new String[] {"postgres"};
        } else {
            h2File = Path.of("target", "bench", "h2-" + System.currentTimeMillis()).toAbsolutePath();
            properties.add("spring.datasource.url=jdbc:h2:file:" + h2File);
            profiles = new String[0];
        }
        long startNanos = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PrecisionAidApplication.class)
                .profiles(profiles).run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
            result.put("startupSeconds", round((System.nanoTime() - startNanos) / 1e9));
            result.put("afterStart", memory());
            result.put("engine", engineSettings(context.getBean(ProcessEngineConfigurationImpl.class)));
            DataSource dataSource = context.getBean(DataSource.class);
            result.put("baseline", baseline(dataSource, baselineCommits, workers));
            result.put("s1", throughput(context));
            result.put("afterS1", memory());
            if (bare) { // the same steps through the same model's shape on a bare engine: how much of S1 is ours
                result.put("bare", BareEngineBaseline.run(dataSource, households, warmUp, workers));
                double ours = ((Number) ((Map<?, ?>) result.get("s1")).get("householdsPerSecond")).doubleValue();
                double engine = ((Number) ((Map<?, ?>) result.get("bare")).get("householdsPerSecond")).doubleValue();
                result.put("s1ToBareRatio", engine == 0 ? 0 : Math.round(ours / engine * 1000) / 1000.0);
                // the same in CPU per household (JVM and database): steadier than throughput on a shared machine
                double oursCpu = cpuMs(result.get("s1"));
                double engineCpu = cpuMs(result.get("bare"));
                if (oursCpu > 0 && engineCpu > 0) {
                    result.put("s1ToBareCpuRatio", Math.round(engineCpu / oursCpu * 1000) / 1000.0);
                }
            }
            result.put("history", history(new JdbcTemplate(dataSource), database));
            result.put("s2", taskQuery(context, database));
            result.put("s4", jobAcquisition(context));
        }
        if (h2File != null) { // hundreds of MB at the default scale
            result.put("h2FileMb", Files.size(Path.of(h2File + ".mv.db")) / 1_048_576);
            Files.deleteIfExists(Path.of(h2File + ".mv.db"));
            Files.deleteIfExists(Path.of(h2File + ".trace.db"));
        }
        double flow = ((Number) ((Map<?, ?>) result.get("s1")).get("engineTransactionsPerSecond")).doubleValue();
        double raw = ((Number) ((Map<?, ?>) result.get("baseline")).get("commitsPerSecond")).doubleValue();
        result.put("flowToRawRatio", Math.round(flow / raw * 10_000) / 10_000.0);
        return result;
    }

    /** The settings a tuning changes, read back from the engine: a property that did not bind shows here. */
    private static Map<String, Object> engineSettings(ProcessEngineConfigurationImpl engine) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("authorizationCheckRevokes", engine.getAuthorizationCheckRevokes());
        settings.put("history", engine.getHistory());
        settings.put("cmmnEnabled", engine.isCmmnEnabled());
        settings.put("authorizationManager", engine.getSessionFactories()
                .get(AuthorizationManager.class).openSession()
                .getClass().getSimpleName());
        settings.put("extraArgs", System.getProperty("bench.args", ""));
        return settings;
    }

    /** Raw commit rate of the same database, pool and concurrency: one-row insert per transaction over JDBC. */
    static Map<String, Object> baseline(DataSource dataSource, int baselineCommits, int workers) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_commit");
            statement.execute("create table bench_commit (id bigint primary key, payload varchar(64))");
        }
        AtomicLong ids = new AtomicLong();
        int perWorker = baselineCommits / workers;
        long start = System.nanoTime();
        Workers.parallel(workers, worker -> {
            for (int i = 0; i < perWorker; i++) {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try (PreparedStatement insert = connection.prepareStatement(
                            "insert into bench_commit (id, payload) values (?, ?)")) {
                        insert.setLong(1, ids.incrementAndGet());
                        insert.setString(2, "row");
                        insert.executeUpdate();
                    }
                    connection.commit();
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return Map.of("commits", perWorker * workers, "seconds", round(seconds),
                "commitsPerSecond", round(perWorker * workers / seconds));
    }

    /** S1: households through the whole identification flow, as the officials would take them. */
    /** JVM and database CPU milliseconds per household of a throughput result; 0 if not measured. */
    private static double cpuMs(Object throughput) {
        Object cpu = ((Map<?, ?>) throughput).get("cpuMsPerHousehold");
        if (!(cpu instanceof Map<?, ?> parts) || !(parts.get("database") instanceof Number database)) {
            return 0;
        }
        return ((Number) parts.get("jvm")).doubleValue() + database.doubleValue();
    }

    private Map<String, Object> throughput(ConfigurableApplicationContext context) throws Exception {
        // the county's cadres exist before its households reach registration (a cadre per five households), as in a
        // county whose cadres were appointed before the year's identification; not part of the procedure's cost
        AssistanceService assistance = context.getBean(AssistanceService.class);
        for (long n = 0; n < households + warmUp; n++) {
            Cadres.forHousehold(assistance, VILLAGES.get((int) (n % VILLAGES.size())).substring(0, 6), n);
        }
        // the first households run untimed, as the bare engine's do: neither run pays the JIT's warm-up for the other
        households(context, households, households + warmUp, new Stats());
        Stats stats = new Stats();
        CpuTime cpu = CpuTime.start();
        long start = System.nanoTime();
        households(context, 0, households, stats);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> cpuPerHousehold = cpu.perUnit(households);
        double othersCpu = cpu.othersSeconds();
        long registered = context.getBean(HouseholdRepository.class).findAll().stream()
                .filter(household -> household.getStatus() == Status.REGISTERED).count();
        if (registered < households + warmUp) {
            throw new IllegalStateException("only " + registered + " of " + (households + warmUp) + " households registered");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("households", households);
        result.put("warmUpHouseholds", warmUp);
        result.put("seconds", round(seconds));
        result.put("householdsPerSecond", households == 0 ? 0 : round(households / seconds));
        result.put("engineTransactionsPerSecond", households == 0 ? 0 : round(households * TRANSACTIONS_PER_HOUSEHOLD / seconds));
        result.put("cpuMsPerHousehold", cpuPerHousehold);
        result.put("otherProcessesCpuSeconds", othersCpu);
        result.put("steps", stats.percentiles());
        return result;
    }

    /** Households {@code from} (inclusive) to {@code to} through the whole flow, by the workers in parallel. */
    private void households(ConfigurableApplicationContext context, long from, long to, Stats stats) throws Exception {
        IdentificationStarter starter = context.getBean(IdentificationStarter.class);
        TaskService tasks = context.getBean(TaskService.class);
        IdentityService identity = context.getBean(IdentityService.class);
        ManagementService management = context.getBean(ManagementService.class);
        RuntimeService runtime = context.getBean(RuntimeService.class);
        AtomicLong next = new AtomicLong(from);
        Workers.parallel(workers, worker -> {
            for (long i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                final long n = i;
                String village = VILLAGES.get((int) (n % VILLAGES.size()));
                String township = village.substring(0, 9);
                String county = village.substring(0, 6);
                String applicationNo = stats.time("1-apply", () -> signedIn(identity, "clerk." + village,
                        () -> starter.apply(Applications.eligible(village, n), "clerk." + village))).household()
                        .getApplicationNo();
                step(stats, tasks, identity, "2-groupEvaluation", "clerk." + village, applicationNo, Map.of(
                        "meetingDate", new java.util.Date(), "attendees", 30L, "votesFor", 20L, "groupMinutes", "通过"));
                step(stats, tasks, identity, "3-villageReview", "village." + village, applicationNo,
                        Map.of("villageDecision", "approve", "villageNoticeDate", new java.util.Date()));
                step(stats, tasks, identity, "4-townshipReview", "township." + township, applicationNo,
                        Map.of("townshipDecision", "approve"));
                step(stats, tasks, identity, "5-countyReview", "county." + county, applicationNo,
                        Map.of("countyDecision", "approve"));
                String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                        .singleResult().getId();
                stats.time("6-noticeTimer", () -> management.executeJob(management.createJobQuery()
                        .processInstanceId(instanceId).activityId("noticePeriodOver").singleResult().getId()));
                registration(stats, tasks, identity, "township." + township, applicationNo, n);
            }
        });
    }

    /** Each official's groups, read once as his login reads them once (the REST filter takes them from his session). */
    private static final Map<String, List<String>> GROUPS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The official's call with his engine authentication set, as {@code EngineAuthenticationFilter} sets it. */
    static <T> T signedIn(IdentityService identity, String official, java.util.function.Supplier<T> work) {
        List<String> groups = GROUPS.computeIfAbsent(identity.hashCode() + "/" + official, key -> identity
                .createGroupQuery().groupMember(official).list().stream().map(org.camunda.bpm.engine.identity.Group::getId)
                .toList());
        identity.setAuthentication(official, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    static void signedIn(IdentityService identity, String official, Runnable work) {
        signedIn(identity, official, () -> {
            work.run();
            return null;
        });
    }

    private static void step(Stats stats, TaskService tasks, IdentityService identity, String step, String official,
            String applicationNo, Map<String, Object> variables) {
        step(stats, tasks, identity, step, official, applicationNo, task -> variables);
    }

    /** As above, the form's values chosen from what the task shows (read with the task, as Tasklist opens it). */
    private static void step(Stats stats, TaskService tasks, IdentityService identity, String step, String official,
            String applicationNo, java.util.function.Function<Task, Map<String, Object>> form) {
        var variables = new java.util.concurrent.atomic.AtomicReference<Map<String, Object>>();
        Task task = stats.time(step + "-find", () -> signedIn(identity, official, () -> {
            Task found = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
            variables.set(form.apply(found));
            return found;
        }));
        stats.time(step + "-claim", () -> signedIn(identity, official, () -> tasks.claim(task.getId(), official)));
        stats.time(step + "-complete", () -> signedIn(identity, official, () -> tasks.complete(task.getId(), variables.get())));
    }

    /**
     * The township registers the household with a cadre its form offers (the county's cadres with quota left when the
     * task was made), household n taking the n-th offer. Four workers register at once, so an offered cadre may
     * have filled up meanwhile: the form then refuses him by name and the official picks the next offer, as in
     * Tasklist. Such second choices are counted ({@code 7-registration-reselect}), not hidden.
     */
    private static void registration(Stats stats, TaskService tasks, IdentityService identity, String official,
            String applicationNo, long n) {
        var offers = new java.util.concurrent.atomic.AtomicReference<List<String>>();
        Task task = stats.time("7-registration-find", () -> signedIn(identity, official, () -> {
            Task found = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
            offers.set(offered(tasks, found));
            return found;
        }));
        stats.time("7-registration-claim", () -> signedIn(identity, official, () -> tasks.claim(task.getId(), official)));
        List<String> cadres = offers.get();
        for (int choice = 0; ; choice++) {
            String cadreId = cadres.get((int) ((n + choice) % cadres.size()));
            try {
                stats.time("7-registration-complete", () -> signedIn(identity, official, () -> tasks.complete(task.getId(),
                        Map.of("cadreId", cadreId, "supportMeasures", "产业扶持",
                                "plannedExitYear", (long) java.time.Year.now().getValue() + 1))));
                return;
            } catch (org.camunda.bpm.engine.ProcessEngineException full) {
                if (choice + 1 >= cadres.size() || !String.valueOf(full.getMessage()).contains("already answers for")) {
                    throw full;
                }
                stats.time("7-registration-reselect", () -> null);
            }
        }
    }

    /** The cadres the registration form offers, as their ids. */
    private static List<String> offered(TaskService tasks, Task task) {
        Object options = tasks.getVariableLocal(task.getId(), org.precisionaid.assistance.RegistrationPairing.OPTIONS);
        try {
            List<String> ids = new java.util.ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(options))
                    .forEach(option -> ids.add(option.path("value").asText()));
            return ids;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** S2: open tasks spread over the demo regions; the query a township official's Tasklist makes. */
    private Map<String, Object> taskQuery(ConfigurableApplicationContext context, String database) throws Exception {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        IdentityService identity = context.getBean(IdentityService.class);
        FilterService filters = context.getBean(FilterService.class);
        AtomicLong next = new AtomicLong();
        long seedStart = System.nanoTime();
        Workers.parallel(workers, worker -> {
            for (long n = next.getAndIncrement(); n < openTasks; n = next.getAndIncrement()) {
                runtime.startProcessInstanceByKey("regionTestCase",
                        Map.of("regionCode", VILLAGES.get(ThreadLocalRandom.current().nextInt(VILLAGES.size()))));
            }
        });
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        // a county fills up over months and the database keeps its statistics current; after a bulk seed of
        // seconds they are stale, so bring them up to date before measuring (both H2 and PostgreSQL know ANALYZE)
        if (Boolean.parseBoolean(System.getProperty("bench.analyze", "true"))) {
            new JdbcTemplate(context.getBean(DataSource.class)).execute("ANALYZE");
        }
        // and autovacuum keeps PostgreSQL's visibility map current, without which no index-only scan skips the
        // table (ADR 0034); a bulk seed of seconds is ahead of it, so VACUUM as the operations guide says after an import
        if ("postgres".equals(database) && Boolean.parseBoolean(System.getProperty("bench.vacuum", "true"))) {
            new JdbcTemplate(context.getBean(DataSource.class)).execute("VACUUM");
        }
        String filterId = filters.createFilterQuery().filterName("本组待办 / My group's tasks").singleResult().getId();
        Stats stats = new Stats();
        List<String> townships = VILLAGES.stream().map(v -> v.substring(0, 9)).distinct().toList();
        TaskService tasks = context.getBean(TaskService.class);
        CpuTime cpu = CpuTime.start();
        for (int i = 0; i < queries; i++) {
            signedIn(identity, "township." + townships.get(i % townships.size()), () -> {
                stats.time("firstPage50", () -> filters.listPage(filterId, 0, 50));
                // as Tasklist asks by default: the filter extended with its "Created, newest first" sorting
                stats.time("firstPage50ByCreated", () -> filters.listPage(filterId,
                        tasks.createTaskQuery().orderByTaskCreateTime().desc(), 0, 50));
                stats.time("count", () -> filters.count(filterId));
            });
        }
        double othersCpu = cpu.othersSeconds();
        if (Boolean.getBoolean("bench.explain") && "postgres".equals(database)) {
            // every township: the p95 of 300 queries round-robin is the largest township's (half the tasks here)
            explainFilterQuery(context, filterId, townships.stream().map(t -> "township." + t).toList());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("openTasks", openTasks);
        result.put("seedSeconds", round(seedSeconds));
        result.put("queries", queries);
        result.put("latency", stats.percentiles());
        // the queries run one at a time after the seeding, whose 4 workers still lift the load average: this says
        // whether anything else ran beside them
        result.put("otherProcessesCpuSeconds", othersCpu);
        return result;
    }

    /** S4: the job executor's acquisition cycle with every open task's escalation timer in the job table. */
    private Map<String, Object> jobAcquisition(ConfigurableApplicationContext context) {
        ProcessEngineConfigurationImpl engine = context.getBean(ProcessEngineConfigurationImpl.class);
        Stats stats = new Stats();
        for (int i = 0; i < queries; i++) {
            stats.time("jobAcquisition", () -> engine.getCommandExecutorTxRequired()
                    .execute(new AcquireJobsCmd(engine.getJobExecutor())));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("timerJobs", context.getBean(ManagementService.class).createJobQuery().timers().count());
        result.put("latency", stats.percentiles());
        return result;
    }

    /** -Dbench.explain=true: the plans of S2's page and count queries, in target/bench/s2-plan.txt. */
    private static void explainFilterQuery(ConfigurableApplicationContext context, String filterId,
            List<String> officials) throws Exception {
        FilterService filters = context.getBean(FilterService.class);
        TaskService tasks = context.getBean(TaskService.class);
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        String mapper = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
        StringBuilder plans = new StringBuilder();
        for (String official : officials) {
            plans.append("# ").append(official).append(", ")
                    .append(context.getBean(TaskService.class).createTaskQuery()
                            .taskCandidateGroup(official.replace('.', '-')).includeAssignedTasks().count())
                    .append(" open tasks of his group\n\n");
            plans.append(signedIn(context.getBean(IdentityService.class), official, () ->
                "-- first page of 50\n" + QueryPlan.explain(jdbc, mapper, () -> filters.listPage(filterId, 0, 50))
                + "\n\n-- first page of 50, newest first (Tasklist's default)\n" + QueryPlan.explain(jdbc, mapper,
                        () -> filters.listPage(filterId, tasks.createTaskQuery().orderByTaskCreateTime().desc(), 0, 50))
                + "\n\n-- count\n" + QueryPlan.explain(jdbc, mapper, () -> filters.count(filterId)) + "\n\n"));
        }
        Path file = Path.of("target", "bench", "s2-plan.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, plans.toString());
        System.out.println("S2 query plans written to " + file);
    }

    private Map<String, Object> history(JdbcTemplate jdbc, String database) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables where "
                + "upper(table_name) like 'ACT_HI_%'", String.class);
        long rows = 0;
        int perHousehold = Math.max(households + warmUp, 1); // the warm-up's households left history too
        Map<String, Object> byTable = new java.util.TreeMap<>(); // where history goes: rows (and bytes) per household
        for (String table : tables) {
            long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
            rows += count;
            if (count > 0) {
                Map<String, Object> share = new LinkedHashMap<>();
                share.put("rows", round((double) count / perHousehold));
                if ("postgres".equals(database)) {
                    share.put("bytes", jdbc.queryForObject("select pg_total_relation_size(quote_ident(?))", Long.class,
                            table) / perHousehold);
                    // the rows themselves and each index apart: which index an audit query needs and which only costs
                    share.put("tableBytes", jdbc.queryForObject("select pg_table_size(quote_ident(?))", Long.class,
                            table) / perHousehold);
                    // the live rows' own bytes: what the table holds beyond them is dead row versions and free space
                    share.put("liveRowBytes", jdbc.queryForObject("select coalesce(sum(pg_column_size(t.*)), 0) from "
                            + table + " t", Long.class) / perHousehold);
                    Map<String, Object> indexes = new java.util.TreeMap<>();
                    jdbc.query("select c.relname, pg_relation_size(c.oid) from pg_index i join pg_class c on c.oid = "
                            + "i.indexrelid where i.indrelid = quote_ident(?)::regclass", row -> {
                                indexes.put(row.getString(1), row.getLong(2) / perHousehold);
                            }, table);
                    share.put("indexBytes", indexes);
                }
                byTable.put(table.toLowerCase(java.util.Locale.ROOT), share);
            }
        }
        result.put("historyRowsPerHousehold", round((double) rows / perHousehold));
        result.put("historyByTable", byTable);
        long registryRows = 0;
        for (String table : List.of("household", "household_member", "household_status_change", "file_card")) {
            registryRows += jdbc.queryForObject("select count(*) from " + table, Long.class);
        }
        result.put("registryRowsPerHousehold", round((double) registryRows / perHousehold));
        if ("postgres".equals(database)) {
            Long bytes = jdbc.queryForObject("select sum(pg_total_relation_size(quote_ident(table_name))) from "
                    + "information_schema.tables where table_name like 'act_hi_%'", Long.class);
            result.put("historyBytesPerHousehold", bytes == null ? 0 : bytes / perHousehold);
        } else {
            result.put("historyBytesPerHousehold", "n/a on H2");
        }
        return result;
    }

    static Map<String, Object> memory() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rss = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception ignored) {
            // not on Linux: RSS stays 0
        }
        return Map.of("heapUsedMb", heap / 1_048_576, "rssMb", rss / 1_048_576);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
