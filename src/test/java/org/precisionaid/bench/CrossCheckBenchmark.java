package org.precisionaid.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.precisionaid.crosscheck.CrossCheckHits;
import org.precisionaid.crosscheck.DepartmentKind;
import org.precisionaid.crosscheck.RegisterImport;
import org.precisionaid.region.RegionService;
import org.precisionaid.support.Applications;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Department cross-check benchmark, not a test (issue #23 item 6): 托里县's office loads a vehicle list of
 * {@code bench.crossCheckRows} rows (200,000, CSV) against {@code bench.crossCheckHouseholds} registered households of
 * the county (100,000, bulk-inserted); {@code bench.crossCheckHits} rows (1,000) name a household's head with a car
 * worth 120,000 yuan, the others nobody. Reports the whole load (read and check every row, store the snapshot, match
 * it with one join, judge the matches by the DMN, record the hits, start the re-check cases), then a second matching
 * of the same snapshot alone (the join and the judging; every hit already there), the rates, and the machine's load
 * average at start and end: on a shared machine the times are upper bounds.
 * {@code ./mvnw -Pbench verify -Dtest=CrossCheckBenchmark}
 */
class CrossCheckBenchmark {

    static final String COUNTY = "654224000000";
    static final List<String> VILLAGES = List.of("654224100200", "654224100201", "654224101200", "654224101201",
            "654224101203", "654224102200", "654224102201", "654224102202", "654224103200", "654224103201",
            "654224103202", "654224103203");
    /** Registry ids far from the other benchmarks'. */
    static final long ID_OFFSET = 70_000_000L;

    final int rows = Integer.getInteger("bench.crossCheckRows", 200_000);
    final int households = Integer.getInteger("bench.crossCheckHouseholds", 100_000);
    final int matching = Integer.getInteger("bench.crossCheckHits", 1_000);

    @Test
    void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        MachineLoad.atStart(report);
        report.put("parameters", Map.of("rows", rows, "registeredHouseholds", households, "matchingRows", matching));
        report.put("postgres", runOnPostgres());
        MachineLoad.atEnd(report);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        Files.writeString(out.resolve("crosscheck-results.json"), json);
        System.out.println(json);
    }

    private Map<String, Object> runOnPostgres() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try (BenchApplication application = BenchApplication.start("postgres", "crosscheck", List.of(
                "precision-aid.security.password-hash-iterations=10000", "camunda.bpm.job-execution.enabled=false",
                "camunda.bpm.process-engine-name=benchcrosscheck"))) {
            ConfigurableApplicationContext context = application.context;
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long setup = System.nanoTime();
            List<String> heads = new ArrayList<>(households);
            for (int i = 0; i < households; i++) {
                heads.add(Applications.idNumber("19500101", true));
            }
            AssessmentBenchmark.insertRegistered(jdbc, ID_OFFSET, households, LocalDate.now().getYear(), VILLAGES,
                    id -> heads.get((int) (id - ID_OFFSET)));
            jdbc.execute("analyze household_member");
            jdbc.execute("analyze household");
            StringBuilder csv = new StringBuilder(rows * 40);
            csv.append("身份证号 / ID number,类别 / Category,金额或面积 / Amount,说明 / Detail\n");
            for (int i = 0; i < rows; i++) {
                // the matching rows spread over the registry; the others name people of no household
                String id = i < matching ? heads.get((int) ((long) i * households / matching))
                        : Applications.idNumber("19700101", i % 2 == 0);
                csv.append(id).append(i < matching ? ",CAR,120000,新G·" : ",MOTORCYCLE,5000,新G·").append(i).append('\n');
            }
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            result.put("setupSeconds", IdentificationBenchmark.round((System.nanoTime() - setup) / 1e9));
            result.put("fileBytes", file.length);

            RegisterImport importer = context.getBean(RegisterImport.class);
            var county = context.getBean(RegionService.class).get(COUNTY);
            long started = System.nanoTime();
            RegisterImport.Result loaded = importer.load(file, false, DepartmentKind.VEHICLE, "托里县公安局交警大队",
                    LocalDate.now().minusDays(1), county, "county.654224");
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            long cases = context.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processDefinitionKey("crossCheck").count();
            if (loaded.registerHouseholdsHit() != matching || cases != matching) {
                throw new IllegalStateException(loaded.registerHouseholdsHit() + " households hit, " + cases
                        + " re-check cases; expected " + matching);
            }
            result.put("rows", loaded.rows());
            result.put("householdsHit", loaded.registerHouseholdsHit());
            result.put("recheckCasesStarted", loaded.recheckCasesStarted());
            result.put("loadSeconds (check, store, match, judge, start cases)", IdentificationBenchmark.round(loadSeconds));
            result.put("loadRowsPerSecond", IdentificationBenchmark.round(rows / loadSeconds));

            jdbc.execute("analyze crosscheck_record");
            long rematch = System.nanoTime();
            List<Long> again = context.getBean(CrossCheckHits.class).matchSnapshot(loaded.snapshotId());
            double matchSeconds = (System.nanoTime() - rematch) / 1e9;
            if (!again.isEmpty()) {
                throw new IllegalStateException("a second matching of the same snapshot found " + again.size()
                        + " new households: a hit came back");
            }
            result.put("matchSeconds (join and judge, every hit known)", IdentificationBenchmark.round(matchSeconds));
            result.put("matchRowsPerSecond", IdentificationBenchmark.round(rows / matchSeconds));
            result.put("afterRun", IdentificationBenchmark.memory());
        }
        return result;
    }
}
