package org.precisionaid.bench;

import static org.precisionaid.support.Officials.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.funding.FundingStarter;
import org.precisionaid.project.FundBook;
import org.precisionaid.project.ProjectForm;
import org.precisionaid.project.ProjectService;
import org.precisionaid.project.PublicProjectController;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Applications;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Funding benchmark, not a test: N projects with {@value #BENEFICIARIES} registered beneficiary households each go
 * through the whole funding flow (application, four reviews, disclosure, allocation, progress, acceptance, two
 * disbursement tranches), as the officials would take them; then the reads an official and the public make.
 * Figures in target/bench/funding-results.json and .md, see docs/benchmarks.md. Run with
 * {@code ./mvnw -Pbench verify -Dtest=FundingBenchmark -Dbench.projects=20 -Dbench.db=h2}.
 */
class FundingBenchmark {

    static final int BENEFICIARIES = 20;
    /** Write transactions one project takes: start, 9 tasks × (claim + complete), the disclosure timer. */
    static final int TRANSACTIONS_PER_PROJECT = 20;
    /** Household numbers far from those of the identification benchmark, which may share the PostgreSQL database. */
    static final long HOUSEHOLD_OFFSET = 5_000_000;

    final int projects = Integer.getInteger("bench.projects", 20);
    final int workers = Integer.getInteger("bench.workers", 4);
    final List<String> databases = List.of(System.getProperty("bench.db", "h2,postgres").split(","));

    @Test
    void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        MachineLoad.atStart(report);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("parameters", Map.of("projects", projects, "beneficiariesPerProject", BENEFICIARIES,
                "workers", workers));
        for (String database : databases) {
            report.put(database.trim(), runOn(database.trim()));
        }
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        MachineLoad.atEnd(report);
        Files.writeString(out.resolve("funding-results.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        String markdown = markdown(report);
        Files.writeString(out.resolve("funding-results.md"), markdown);
        System.out.println(markdown);
    }

    private Map<String, Object> runOn(String database) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try (BenchApplication application = BenchApplication.start(database, "funding", List.of(
                "camunda.bpm.job-execution.enabled=false",
                "spring.datasource.hikari.maximum-pool-size=" + (workers + 2)))) {
            ConfigurableApplicationContext context = application.context;
            int year = LocalDate.now().getYear();
            FundBook funds = context.getBean(FundBook.class);
            for (String county : List.of("654224000000", "654225000000")) {
                funds.setAvailable(county, "CENTRAL", year, 100_000_000_000L);
                funds.setAvailable(county, "INTEGRATED", year, 100_000_000_000L);
            }
            List<List<String>> beneficiaries = new ArrayList<>();
            long setup = System.nanoTime();
            HouseholdService households = context.getBean(HouseholdService.class);
            AtomicLong householdNo = new AtomicLong(HOUSEHOLD_OFFSET);
            for (int p = 0; p < projects; p++) {
                String village = IdentificationBenchmark.VILLAGES.get(p % IdentificationBenchmark.VILLAGES.size());
                List<String> numbers = new ArrayList<>();
                for (int b = 0; b < BENEFICIARIES; b++) {
                    Household household = households.submit(Applications.eligible(village,
                            householdNo.getAndIncrement()), "bench");
                    households.classify(household.getId(), "DEVELOPMENT", "bench");
                    households.register(household.getId(), "bench", year + 1, "bench");
                    numbers.add(household.getApplicationNo());
                }
                beneficiaries.add(numbers);
            }
            result.put("setupRegisteredHouseholds", projects * BENEFICIARIES);
            result.put("setupSeconds", IdentificationBenchmark.round((System.nanoTime() - setup) / 1e9));
            result.put("flow", flow(context, beneficiaries, year));
            result.put("reads", reads(context));
        }
        return result;
    }

    /** Every project through the whole flow, {@code workers} at a time. */
    private Map<String, Object> flow(ConfigurableApplicationContext context, List<List<String>> beneficiaries, int year)
            throws Exception {
        FundingStarter starter = context.getBean(FundingStarter.class);
        TaskService tasks = context.getBean(TaskService.class);
        IdentityService identity = context.getBean(IdentityService.class);
        ManagementService management = context.getBean(ManagementService.class);
        RuntimeService runtime = context.getBean(RuntimeService.class);
        Stats stats = new Stats();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        Workers.parallel(workers, worker -> {
            for (int p = (int) next.getAndIncrement(); p < projects; p = (int) next.getAndIncrement()) {
                String village = IdentificationBenchmark.VILLAGES.get(p % IdentificationBenchmark.VILLAGES.size());
                String township = village.substring(0, 9);
                String county = village.substring(0, 6);
                String clerk = "clerk." + village;
                ProjectForm form = new ProjectForm("饮水工程 / Water supply " + p, "WATER", village, "县水利局",
                        LocalDate.of(year, 4, 1), LocalDate.of(year, 9, 30), null, null, new BigDecimal("400000"),
                        null, false, List.of(new ProjectForm.OutputForm("入户管网 / household pipes",
                                new BigDecimal(BENEFICIARIES), "户 / households")),
                        List.of(new ProjectForm.BudgetLineForm("CENTRAL", new BigDecimal("300000")),
                                new ProjectForm.BudgetLineForm("INTEGRATED", new BigDecimal("100000"))),
                        beneficiaries.get(p).stream().map(no -> new ProjectForm.BeneficiaryForm(no, "自来水入户 / tap water",
                                null)).toList());
                String projectNo = stats.time("01-apply", () -> as(identity, clerk, () -> starter.apply(form, clerk)))
                        .projectNo();
                step(stats, tasks, identity, "02-townshipReview", "township." + township, projectNo,
                        Map.of("townshipDecision", "approve"));
                step(stats, tasks, identity, "03-countyReview", "county." + county, projectNo,
                        Map.of("countyDecision", "approve"));
                step(stats, tasks, identity, "04-leadUnitReview", "water." + county, projectNo,
                        Map.of("leadUnitDecision", "approve"));
                step(stats, tasks, identity, "05-approval", "county." + county, projectNo,
                        Map.of("approvalDecision", "approve"));
                String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(projectNo)
                        .singleResult().getId();
                stats.time("06-disclosureTimer", () -> management.executeJob(management.createJobQuery()
                        .processInstanceId(instance).activityId("disclosurePeriodOver").singleResult().getId()));
                step(stats, tasks, identity, "07-allocateFunds", "finance." + county, projectNo,
                        Map.of("voucherNo", "B-" + projectNo));
                step(stats, tasks, identity, "08-reportProgress", clerk, projectNo,
                        Map.of("progressPercent", 100L, "progressNote", "完工"));
                step(stats, tasks, identity, "09-acceptance", "county." + county, projectNo,
                        Map.of("acceptanceDecision", "accept"));
                step(stats, tasks, identity, "10-disburse", "finance." + county, projectNo,
                        Map.of("trancheSource", "CENTRAL", "trancheAmount", 300000.0, "trancheVoucher", "P1-" + projectNo));
                step(stats, tasks, identity, "10-disburse", "finance." + county, projectNo,
                        Map.of("trancheSource", "INTEGRATED", "trancheAmount", 100000.0, "trancheVoucher", "P2-" + projectNo));
                if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
                    throw new IllegalStateException(projectNo + " did not close");
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("projects", projects);
        result.put("seconds", IdentificationBenchmark.round(seconds));
        result.put("projectsPerMinute", IdentificationBenchmark.round(projects / seconds * 60));
        result.put("engineTransactionsPerSecond",
                IdentificationBenchmark.round(projects * TRANSACTIONS_PER_PROJECT / seconds));
        result.put("steps", stats.percentiles());
        return result;
    }

    /** What officials and the public read once the projects exist: a project with its ledger, the county's disclosure. */
    private Map<String, Object> reads(ConfigurableApplicationContext context) {
        ProjectService projects = context.getBean(ProjectService.class);
        PublicProjectController disclosure = context.getBean(PublicProjectController.class);
        Stats stats = new Stats();
        List<String> numbers = projects.search("654224", null, null,
                org.springframework.data.domain.PageRequest.of(0, 50)).stream().map(v -> v.projectNo()).toList();
        for (int i = 0; i < 100 && !numbers.isEmpty(); i++) {
            String no = numbers.get(i % numbers.size());
            stats.time("project-view", () -> projects.view(no));
        }
        for (int i = 0; i < 20; i++) {
            stats.time("public-county-page", () -> disclosure.projects("654224000000"));
            stats.time("public-village-page", () -> disclosure.projects("654224101201"));
        }
        return Map.of("steps", stats.percentiles());
    }

    private static void step(Stats stats, TaskService tasks, IdentityService identity, String step, String official,
            String projectNo, Map<String, Object> variables) {
        Task task = stats.time(step + "-find", () -> as(identity, official, () -> tasks.createTaskQuery()
                .processInstanceBusinessKey(projectNo).singleResult()));
        stats.time(step + "-claim", () -> as(identity, official, () -> tasks.claim(task.getId(), official)));
        stats.time(step + "-complete", () -> as(identity, official, () -> tasks.complete(task.getId(), variables)));
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("## Funding benchmark " + report.get("when") + "\n\n");
        md.append("Parameters: ").append(report.get("parameters")).append(", cores: ").append(report.get("cores"))
                .append("\n\n");
        for (Map.Entry<String, Object> entry : report.entrySet()) {
            if (!(entry.getValue() instanceof Map<?, ?> db) || !db.containsKey("flow")) {
                continue;
            }
            Map<String, Object> flow = (Map<String, Object>) db.get("flow");
            md.append("### ").append(entry.getKey()).append("\n\n")
                    .append("- setup: ").append(db.get("setupRegisteredHouseholds")).append(" registered households in ")
                    .append(db.get("setupSeconds")).append(" s\n")
                    .append("- flow: ").append(flow.get("projects")).append(" projects in ").append(flow.get("seconds"))
                    .append(" s = ").append(flow.get("projectsPerMinute")).append(" projects/min, ")
                    .append(flow.get("engineTransactionsPerSecond")).append(" engine transactions/s\n\n")
                    .append("| step | count | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|\n");
            Map<String, Map<String, Object>> steps = new LinkedHashMap<>((Map<String, Map<String, Object>>) flow.get("steps"));
            steps.putAll((Map<String, Map<String, Object>>) ((Map<String, Object>) db.get("reads")).get("steps"));
            steps.forEach((name, row) -> md.append("| ").append(name).append(" | ").append(row.get("count"))
                    .append(" | ").append(row.get("p50_ms")).append(" | ").append(row.get("p95_ms")).append(" | ")
                    .append(row.get("p99_ms")).append(" |\n"));
            md.append('\n');
        }
        return md.toString();
    }
}
