package org.precisionaid.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.precisionaid.monitoring.MonitoringAlert.Department;
import org.precisionaid.monitoring.MonitoringAlertImport;
import org.precisionaid.monitoring.MonitoringAlertTemplate;
import org.precisionaid.region.RegionService;
import org.precisionaid.support.Applications;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Department alert benchmark, not a test: Yumin county's office uploads a department's list of
 * {@code bench.alertRows} rows (10,000), every second row naming the head of one of as many registered households of
 * the county (bulk-inserted), the others nobody. Reports the time from the upload until all cases are started (read,
 * check, match, start in chunks), the starts per second and their ratio to the raw commit rate of the same database in
 * the same run (one connection, as the import starts its chunks one after another), and the machine's load average
 * at start and end: on a shared machine the time is an upper bound. {@code ./mvnw -Pbench verify
 * -Dtest=AlertImportBenchmark -Dbench.alertDb=postgres}
 */
class AlertImportBenchmark {

    static final String COUNTY = "654225000000";
    static final List<String> VILLAGES = List.of("654225101200", "654225101201", "654225101202", "654225101203",
            "654225101204", "654225101205", "654225101206", "654225101207", "654225101208", "654225101209",
            "654225101210", "654225101211");
    /** Registry ids far from the assessment benchmark's. */
    static final long ID_OFFSET = 60_000_000L;

    final int rows = Integer.getInteger("bench.alertRows", 10_000);
    final List<String> databases = List.of(System.getProperty("bench.alertDb", "postgres").split(","));

    @Test
    void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        MachineLoad.atStart(report);
        report.put("parameters", Map.of("rows", rows, "matchingHouseholds", rows / 2));
        for (String database : databases) {
            report.put(database.trim(), runOn(database.trim()));
        }
        MachineLoad.atEnd(report);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        Files.writeString(out.resolve("alert-import-results.json"), json);
        System.out.println(json);
    }

    private Map<String, Object> runOn(String database) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try (BenchApplication application = BenchApplication.start(database, "alerts", List.of(
                "precision-aid.security.password-hash-iterations=10000", "camunda.bpm.job-execution.enabled=false",
                "camunda.bpm.process-engine-name=benchalerts" + database))) {
            ConfigurableApplicationContext context = application.context;
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                ids.add(Applications.idNumber("19600101", i % 2 == 0));
            }
            long setup = System.nanoTime();
            int households = rows / 2;
            AssessmentBenchmark.insertRegistered(jdbc, ID_OFFSET, households, LocalDate.now().getYear(), VILLAGES,
                    id -> ids.get((int) (id - ID_OFFSET) * 2));
            byte[] file = file(context.getBean(MonitoringAlertTemplate.class).xlsx(), ids);
            result.put("setupSeconds", IdentificationBenchmark.round((System.nanoTime() - setup) / 1e9));
            result.put("fileBytes", file.length);
            Map<String, Object> baseline = IdentificationBenchmark.baseline(dataSource, 10_000, 1);
            result.put("baseline (one connection)", baseline);

            MonitoringAlertImport importer = context.getBean(MonitoringAlertImport.class);
            RuntimeService runtime = context.getBean(RuntimeService.class);
            var county = context.getBean(RegionService.class).get(COUNTY);
            long started = System.nanoTime();
            MonitoringAlertImport.Result imported = importer.importXlsx(file, Department.MEDICAL_INSURANCE, county,
                    "county.654225");
            double seconds = (System.nanoTime() - started) / 1e9;
            long cases = runtime.createProcessInstanceQuery().processDefinitionKey("monitoring").count();
            if (imported.startedCount() != households || cases < households) {
                throw new IllegalStateException("started " + imported.startedCount() + " cases (" + cases
                        + " instances), expected " + households);
            }
            result.put("rows", imported.rows());
            result.put("started", imported.startedCount());
            result.put("unmatched", imported.unmatchedCount());
            result.put("secondsToAllStarted", IdentificationBenchmark.round(seconds));
            double startsPerSecond = households / seconds;
            result.put("startsPerSecond", IdentificationBenchmark.round(startsPerSecond));
            result.put("rowsPerSecond", IdentificationBenchmark.round(rows / seconds));
            result.put("startsToRawCommitRatio", Math.round(startsPerSecond
                    / ((Number) baseline.get("commitsPerSecond")).doubleValue() * 10_000) / 10_000.0);
            result.put("afterImport", IdentificationBenchmark.memory());
        }
        return result;
    }

    /** The template's alerts sheet filled with one row per ID number (large medical expenses, yesterday). */
    private static byte[] file(byte[] template, List<String> ids) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheet("预警 Alerts");
            String yesterday = LocalDate.now().minusDays(1).toString();
            for (int i = 0; i < ids.size(); i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(ids.get(i));
                row.createCell(1).setCellValue("大额医疗支出 / Large medical expenses");
                row.createCell(2).setCellValue(20_000 + i);
                row.createCell(3).setCellValue(yesterday);
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
