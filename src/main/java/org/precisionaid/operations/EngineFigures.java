package org.precisionaid.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's and the registry's state as Prometheus gauges, read with a handful of grouped count queries every
 * {@code precision-aid.metrics.refresh} (30 s) on one background thread — never per scrape, so a scraper or a person
 * reloading {@code /actuator/prometheus} costs the database nothing.
 *
 * <p>Labels are only a process key, a task definition key, an incident type or an objection's subject kind: the models
 * bound them. Never a household, a person, an official or a region below what the models name.
 */
@Component
public class EngineFigures {

    private static final Logger LOG = LoggerFactory.getLogger(EngineFigures.class);

    /** Open user tasks per process and task definition key; the same with the due date passed. */
    private static final String TASKS = "select d.KEY_ as process_key, t.TASK_DEF_KEY_ as task_key, count(*) as open_tasks, "
            + "sum(case when t.DUE_DATE_ < ? then 1 else 0 end) as overdue_tasks "
            + "from ACT_RU_TASK t left join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_ "
            + "group by d.KEY_, t.TASK_DEF_KEY_";
    private static final String FAILED_JOBS = "select PROCESS_DEF_KEY_ as process_key, count(*) as failed_jobs "
            + "from ACT_RU_JOB where RETRIES_ = 0 group by PROCESS_DEF_KEY_";
    private static final String INCIDENTS = "select d.KEY_ as process_key, i.INCIDENT_TYPE_ as incident_type, count(*) as incidents "
            + "from ACT_RU_INCIDENT i left join ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_ "
            + "group by d.KEY_, i.INCIDENT_TYPE_";
    /** Objections not yet answered (OPEN, INVESTIGATING), by what they are about. */
    private static final String OBJECTIONS = "select count(household_id), count(project_id), count(village_exit_id) "
            + "from objection where status in ('OPEN', 'INVESTIGATING')";
    /** Accounts locked now after failed logins (the lock ends by itself at LOCK_EXP_TIME_). */
    private static final String LOCKED_ACCOUNTS = "select count(*) from ACT_ID_USER where LOCK_EXP_TIME_ > ?";

    /** Job acquisition and execution as the engine reports them (every 15 minutes, all nodes) to ACT_RU_METER_LOG. */
    private static final List<String[]> ENGINE_METERS = List.of(
            new String[] {"pa.engine.job.acquisition", "result", "attempt", Metrics.JOB_ACQUISITION_ATTEMPT},
            new String[] {"pa.engine.job.acquisition", "result", "acquired", Metrics.JOB_ACQUIRED_SUCCESS},
            new String[] {"pa.engine.job.acquisition", "result", "rejected", Metrics.JOB_ACQUIRED_FAILURE},
            new String[] {"pa.engine.job.execution", "result", "successful", Metrics.JOB_SUCCESSFUL},
            new String[] {"pa.engine.job.execution", "result", "failed", Metrics.JOB_FAILED});

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final Clock clock;
    private final Duration every;

    private final MultiGauge openTasks;
    private final MultiGauge overdueTasks;
    private final MultiGauge failedJobs;
    private final MultiGauge incidents;
    private final MultiGauge objections;
    private final AtomicLong dueJobs = new AtomicLong();
    private final AtomicLong lockedAccounts = new AtomicLong();
    private final AtomicLong refreshedAt = new AtomicLong();
    private final List<AtomicLong> engineMeters = new ArrayList<>();
    private ScheduledExecutorService timer;

    public EngineFigures(JdbcTemplate jdbc, ManagementService management, MeterRegistry registry,
            @Value("${precision-aid.metrics.refresh:PT30S}") Duration every) {
        this.jdbc = jdbc;
        this.management = management;
        this.clock = Clock.systemUTC();
        this.every = every;
        openTasks = MultiGauge.builder("pa.engine.tasks.open")
                .description("Open user tasks per process and task definition key").register(registry);
        overdueTasks = MultiGauge.builder("pa.engine.tasks.overdue")
                .description("Open user tasks whose due date has passed, per process and task definition key")
                .register(registry);
        failedJobs = MultiGauge.builder("pa.engine.jobs.failed")
                .description("Jobs with no retries left (each has an incident), per process").register(registry);
        incidents = MultiGauge.builder("pa.engine.incidents.open")
                .description("Open incidents per process and incident type").register(registry);
        objections = MultiGauge.builder("pa.objections.open")
                .description("Objections not yet answered, by subject (household, project, village-exit)")
                .register(registry);
        Gauge.builder("pa.engine.jobs.due", dueJobs, AtomicLong::get)
                .description("Jobs due now that the job executor may run (retries left, not suspended)")
                .register(registry);
        Gauge.builder("pa.accounts.locked", lockedAccounts, AtomicLong::get)
                .description("Accounts locked now after failed logins").register(registry);
        Gauge.builder("pa.metrics.refreshed", refreshedAt, AtomicLong::get)
                .description("When these figures were last read from the database (Unix seconds)").register(registry);
        for (String[] meter : ENGINE_METERS) {
            AtomicLong value = new AtomicLong();
            engineMeters.add(value);
            io.micrometer.core.instrument.FunctionCounter.builder(meter[0], value, AtomicLong::get)
                    .tags(meter[1], meter[2])
                    .description("As reported by the engine to its meter log (every 15 minutes, all nodes)")
                    .register(registry);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pa-metrics");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the database may be away (outage, shutdown): keep the last figures, try again next time
            LOG.warn("metrics not refreshed: {}", e.toString());
        }
    }

    /** Reads every figure now; the timer calls it, and tests that need fresh figures without waiting. */
    public synchronized void refresh() {
        Instant now = clock.instant();
        Timestamp nowSql = Timestamp.from(now);
        List<MultiGauge.Row<?>> open = new ArrayList<>();
        List<MultiGauge.Row<?>> overdue = new ArrayList<>();
        jdbc.query(TASKS, row -> {
            Tags tags = Tags.of("process", label(row.getString("process_key")), "task", label(row.getString("task_key")));
            open.add(MultiGauge.Row.of(tags, row.getLong("open_tasks")));
            overdue.add(MultiGauge.Row.of(tags, row.getLong("overdue_tasks")));
        }, nowSql);
        List<MultiGauge.Row<?>> failed = new ArrayList<>();
        jdbc.query(FAILED_JOBS, row -> {
            failed.add(MultiGauge.Row.of(Tags.of("process", label(row.getString("process_key"))), row.getLong("failed_jobs")));
        });
        List<MultiGauge.Row<?>> incidentRows = new ArrayList<>();
        jdbc.query(INCIDENTS, row -> {
            incidentRows.add(MultiGauge.Row.of(Tags.of("process", label(row.getString("process_key")), "type",
                    label(row.getString("incident_type"))), row.getLong("incidents")));
        });
        List<MultiGauge.Row<?>> objectionRows = new ArrayList<>();
        jdbc.query(OBJECTIONS, row -> {
            objectionRows.add(MultiGauge.Row.of(Tags.of("subject", "household"), row.getLong(1)));
            objectionRows.add(MultiGauge.Row.of(Tags.of("subject", "project"), row.getLong(2)));
            objectionRows.add(MultiGauge.Row.of(Tags.of("subject", "village-exit"), row.getLong(3)));
        });
        Long locked = jdbc.queryForObject(LOCKED_ACCOUNTS, Long.class, nowSql);
        long due = management.createJobQuery().executable().count();
        List<Long> meters = ENGINE_METERS.stream().map(meter -> management.createMetricsQuery().name(meter[3]).sum())
                .toList();

        openTasks.register(open, true);
        overdueTasks.register(overdue, true);
        failedJobs.register(failed, true);
        incidents.register(incidentRows, true);
        objections.register(objectionRows, true);
        dueJobs.set(due);
        lockedAccounts.set(locked == null ? 0 : locked);
        for (int i = 0; i < meters.size(); i++) {
            engineMeters.get(i).set(meters.get(i));
        }
        refreshedAt.set(now.getEpochSecond());
    }

    /** A key from a model (process, task, incident type); "none" for a task or incident outside any process. */
    private static String label(String key) {
        return key == null || key.isBlank() ? "none" : key;
    }
}
