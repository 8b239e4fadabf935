package org.precisionaid.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two application processes on one PostgreSQL, as a county adds a second server: models deployed once, every
 * notice-period timer fired exactly once across both nodes; then one node is killed with kill -9 in the middle of
 * officials' work and started again, and registry and engine are compared; last, PostgreSQL stops for 20 seconds:
 * every request meanwhile gets a clean 503, the node serves again by itself, nothing is half-written. Runs in its
 * own failsafe phase (about 3-4 minutes on 2 cores); prints the figures it compared (lines RELIABILITY).
 */
class ClusterAndCrashReliabilityIT {

    static final List<String> VILLAGES = List.of("654224101201", "654224101200", "654224101203", "654224101001",
            "654224100201", "654224100200", "654224100001", "654224100002");
    static final Map<String, String> TASK_OF_LEVEL = Map.of("GROUP", "groupEvaluation", "VILLAGE", "villageReview",
            "TOWNSHIP", "townshipReview", "COUNTY", "countyReview");

    @TempDir
    Path pgData;

    @Test
    void twoNodesFireEachTimerOnceAKilledNodeLosesNothingAndADatabaseOutageIsSurvived() throws Exception {
        int pgPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            pgPort = socket.getLocalPort();
        }
        // a data directory and port of our own, so PostgreSQL can be stopped and started again on the same data
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder().setDataDirectory(pgData.resolve("pg"))
                .setCleanDataDirectory(false).setPort(pgPort);
        EmbeddedPostgres postgres = database.start();
        try {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));

            AppNode a = AppNode.start("node-a", url);
            AppNode b = null;
            AppNode restarted = null;
            try {
                long definitions = count(db, "select count(*) from act_re_procdef");
                long deployments = count(db, "select count(*) from act_re_deployment");
                b = AppNode.start("node-b", url);
                assertThat(count(db, "select count(*) from act_re_procdef")).as("definitions after node b").isEqualTo(definitions);
                assertThat(count(db, "select count(*) from act_re_deployment")).as("deployments after node b").isEqualTo(deployments);

                // 1. twelve households through both nodes; their notice timers come due together
                List<String> onNotice = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    AppNode applyOn = i % 2 == 0 ? a : b;
                    String village = VILLAGES.get(i % VILLAGES.size());
                    String applicationNo = Officials.apply(applyOn, village, 9300 + i);
                    Officials.approveToNotice(i % 2 == 0 ? b : a, village, applicationNo);
                    onNotice.add(applicationNo);
                }
                awaitRegistrationTasks(db, onNotice, Duration.ofSeconds(120));
                List<Map<String, Object>> firings = db.queryForList("""
                        select job_id_, count(*) as runs from act_hi_job_log
                        where act_id_ = 'noticePeriodOver' and job_state_ = 2 group by job_id_""");
                assertThat(firings).hasSize(12).allSatisfy(job -> assertThat(((Number) job.get("runs")).intValue()).isEqualTo(1));
                List<Map<String, Object>> perNode = db.queryForList("""
                        select hostname_, count(*) as fired from act_hi_job_log
                        where act_id_ = 'noticePeriodOver' and job_state_ = 2 group by hostname_ order by hostname_""");
                System.out.println("RELIABILITY two nodes: 12 notice timers, fired once each; per node " + perNode);
                assertThat(openRegistrationTasks(db, onNotice)).isEqualTo(12);

                // eight households left at their group evaluation: their escalation timers come due together
                List<String> overdue = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    overdue.add(Officials.apply(i % 2 == 0 ? a : b, VILLAGES.get(i), 9350 + i));
                }
                Instant escalationsDue = Instant.now().plus(Duration.ofSeconds(90));
                while (escalated(db, overdue) < overdue.size()) {
                    assertThat(Instant.now()).as("escalations of the overdue group evaluations").isBefore(escalationsDue);
                    AppNode.sleep(1000);
                }
                AppNode.sleep(3000); // a second firing, if there were one, would land now
                String keys = String.join(",", overdue.stream().map(no -> "'" + no + "'").toList());
                List<Map<String, Object>> escalations = db.queryForList(
                        "select l.job_id_, l.hostname_ from act_hi_job_log l join act_hi_procinst p on p.id_ = l.process_instance_id_"
                        + " where l.act_id_ = 'groupEvaluation' and l.job_state_ = 2 and p.business_key_ in (" + keys + ")");
                assertThat(escalations).hasSize(8);
                assertThat(escalations.stream().map(row -> row.get("job_id_")).distinct()).hasSize(8);
                assertThat(escalated(db, overdue)).isEqualTo(8);
                System.out.println("RELIABILITY two nodes: 8 escalation timers, fired once each; per node "
                        + escalations.stream().collect(java.util.stream.Collectors.groupingBy(
                                row -> row.get("hostname_"), java.util.TreeMap::new, java.util.stream.Collectors.counting())));

                // 2. officials keep working on node a while it is killed
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger applied = new AtomicInteger();
                AtomicInteger refusedDuringCrash = new AtomicInteger();
                List<String> crashLoad = java.util.Collections.synchronizedList(new ArrayList<>());
                ExecutorService officials = Executors.newFixedThreadPool(6);
                for (int t = 0; t < 6; t++) {
                    int thread = t;
                    officials.submit(() -> {
                        for (int n = 0; !stop.get() && n < 40; n++) {
                            String village = VILLAGES.get((thread + n) % VILLAGES.size());
                            try {
                                String applicationNo = Officials.apply(a, village, 9400 + thread * 100L + n);
                                crashLoad.add(applicationNo);
                                applied.incrementAndGet();
                                Officials.approveToNotice(a, village, applicationNo);
                            } catch (Exception whileDown) {
                                refusedDuringCrash.incrementAndGet();
                            }
                        }
                    });
                }
                AppNode.sleep(6000);
                a.crash();
                stop.set(true);
                officials.shutdown();
                officials.awaitTermination(60, TimeUnit.SECONDS);
                Instant down = Instant.now();
                restarted = AppNode.start("node-a", url);
                System.out.println("RELIABILITY crash: " + applied.get() + " applications accepted before kill -9, "
                        + refusedDuringCrash.get() + " requests failed with the node down; restart took "
                        + Duration.between(down, Instant.now()).toSeconds() + " s");

                // registry and engine agree
                Set<String> households = new HashSet<>(db.queryForList("select application_no from household", String.class));
                Set<String> cases = new HashSet<>(db.queryForList(
                        "select business_key_ from act_hi_procinst where proc_def_key_ = 'identification'", String.class));
                assertThat(households).as("households without their case").isSubsetOf(cases);
                assertThat(cases).as("cases without their household").isSubsetOf(households);
                long decisionsWithoutTask = 0;
                for (Map<String, Object> decision : db.queryForList("""
                        select h.application_no, c.level from household_status_change c join household h on h.id = c.household_id
                        where c.level in ('GROUP', 'VILLAGE', 'TOWNSHIP', 'COUNTY')""")) {
                    long completed = count(db, """
                            select count(*) from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_
                            where p.business_key_ = ? and t.task_def_key_ = ? and t.end_time_ is not null""",
                            decision.get("application_no"), TASK_OF_LEVEL.get(decision.get("level")));
                    if (completed == 0) {
                        decisionsWithoutTask++;
                    }
                }
                assertThat(decisionsWithoutTask).as("decisions recorded without their task completed").isZero();
                long stuck = count(db, """
                        select count(*) from act_ru_execution e
                        where e.parent_id_ is null and e.proc_def_id_ like 'identification:%'
                          and not exists (select 1 from act_ru_task t where t.proc_inst_id_ = e.id_)
                          and not exists (select 1 from act_ru_job j where j.process_instance_id_ = e.id_)""");
                assertThat(stuck).as("running cases with neither an open task nor a timer").isZero();
                System.out.println("RELIABILITY after restart: " + households.size() + " households = " + cases.size()
                        + " cases; decisions without their task: " + decisionsWithoutTask + "; stuck cases: " + stuck);

                // the notice timers still fire after the restart: every case of the load that went on notice, before or
                // during the crash, reaches its registration task; no notice timer is left behind
                Instant timersDue = Instant.now().plus(Duration.ofSeconds(60));
                String pendingNotices = "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                        + " where d.act_id_ = 'noticePeriodOver'";
                while (count(db, pendingNotices) > 0) {
                    assertThat(Instant.now()).as("notice timers after the restart").isBefore(timersDue);
                    AppNode.sleep(1000);
                }
                long registrations = openRegistrationTasks(db, new ArrayList<>(crashLoad));
                long announced = count(db, "select count(*) from household where status = 'ANNOUNCED'");
                assertThat(count(db, "select count(*) from act_ru_task where task_def_key_ = 'registration'"))
                        .as("every household past its notice period waits at its registration").isEqualTo(announced);
                System.out.println("RELIABILITY after restart: every notice timer fired; " + registrations
                        + " cases of the crash load reached their registration task");

                // 3. PostgreSQL stops for about 20 seconds while officials keep working on node b
                String county = "county.654224";
                String village = VILLAGES.get(0);
                String list = "/api/households?region=654224000000&size=5";
                assertThat(Officials.send(b, county, "GET", list, null).statusCode()).isEqualTo(200);
                postgres.close();
                Instant stopped = Instant.now();
                int requests = 0;
                List<String> unexpected = new ArrayList<>();
                long refusedSeed = 12_345; // people of no other application of this test
                while (Duration.between(stopped, Instant.now()).toSeconds() < 20) {
                    for (var answer : List.of(Officials.send(b, county, "GET", list, null),
                            Officials.send(b, county, "GET", "/engine-rest/task?maxResults=5", null),
                            Officials.send(b, "clerk." + village, "POST", "/api/households",
                                    Officials.JSON.writeValueAsString(org.precisionaid.support.Applications.eligible(village, refusedSeed))))) {
                        requests++;
                        if (answer.statusCode() != 503 || !answer.body().contains("Database unavailable")
                                || answer.body().contains("Exception") || answer.body().contains("\tat ")) {
                            unexpected.add(answer.statusCode() + " " + answer.body());
                        }
                    }
                    AppNode.sleep(1000);
                }
                postgres = database.start();
                Instant back = Instant.now();
                while (Officials.send(b, county, "GET", list, null).statusCode() != 200) {
                    assertThat(Duration.between(back, Instant.now()).toSeconds()).as("recovery without a restart").isLessThan(90);
                    AppNode.sleep(1000);
                }
                long recovery = Duration.between(back, Instant.now()).toMillis();
                System.out.println("RELIABILITY database outage: " + requests + " requests during "
                        + Duration.between(stopped, back).toSeconds() + " s, " + (requests - unexpected.size())
                        + " answered 503 with a problem detail; node b served again " + recovery
                        + " ms after PostgreSQL was back, without a restart");
                assertThat(unexpected).as("answers during the outage other than a clean 503").isEmpty();
                // nothing half-written: the application refused during the outage goes through now, as new
                String applicationNo = Officials.apply(b, village, refusedSeed);
                assertThat(applicationNo).startsWith("SQ-");
                assertThat(a.isAlive() || restarted.isAlive()).isTrue();
            } finally {
                if (restarted != null) {
                    restarted.close();
                }
                if (b != null) {
                    b.close();
                }
                a.close();
            }
        } finally {
            postgres.close();
        }
    }

    private static void awaitRegistrationTasks(JdbcTemplate db, List<String> applicationNos, Duration limit) {
        Instant until = Instant.now().plus(limit);
        while (openRegistrationTasks(db, applicationNos) < applicationNos.size()) {
            assertThat(Instant.now()).as("registration tasks after the notice period").isBefore(until);
            AppNode.sleep(1000);
        }
    }

    /** Overdue group evaluations the timer escalated: each records once whom it escalated to. */
    private static long escalated(JdbcTemplate db, List<String> applicationNos) {
        long escalated = 0;
        for (String applicationNo : applicationNos) {
            // each escalation records one update of escalatedTo (history keeps values as updates, ADR 0028): a second
            // firing would show as a second row
            escalated += count(db, "select count(*) from act_hi_detail d join act_hi_procinst p on p.id_ = d.proc_inst_id_"
                    + " where d.name_ = 'escalatedTo' and p.business_key_ = ?", applicationNo);
        }
        return escalated;
    }

    private static long openRegistrationTasks(JdbcTemplate db, List<String> applicationNos) {
        long open = 0;
        for (String applicationNo : applicationNos) {
            open += count(db, """
                    select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_
                    where t.task_def_key_ = 'registration' and p.business_key_ = ?""", applicationNo);
        }
        return open;
    }

    private static long count(JdbcTemplate db, String sql, Object... args) {
        Long value = db.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }
}
