package org.precisionaid.bench;

import static org.precisionaid.support.Officials.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.HouseholdImport;
import org.precisionaid.registry.HouseholdImportException;
import org.precisionaid.registry.HouseholdImportTemplate;
import org.precisionaid.support.Applications;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Excel import benchmark, not a test: a village clerk's workbook of {@code bench.importRows} rows (households and
 * their four members each: 10,000 rows = 2,000 households) is read and checked (timed by refusing the same file with
 * one error in its last row), then imported whole — 2,000 applications and 2,000 identification cases in one
 * transaction. Figures in target/bench/import-results.json and .md, see docs/benchmarks.md. Run with
 * {@code ./mvnw -Pbench verify -Dtest=ImportBenchmark -Dbench.db=h2,postgres}.
 */
class ImportBenchmark {

    static final String VILLAGE = "654224200203";
    /** Household numbers far from the other benchmarks' (birth dates stay in the past for all four members). */
    static final long HOUSEHOLD_OFFSET = 3_000_000;
    static final int MEMBERS = 4;

    final int rows = Integer.getInteger("bench.importRows", 10_000);
    final List<String> databases = List.of(System.getProperty("bench.db", "h2,postgres").split(","));

    @Test
    void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        MachineLoad.atStart(report);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1_048_576);
        report.put("parameters", Map.of("rows", rows, "households", rows / (MEMBERS + 1), "membersPerHousehold", MEMBERS));
        for (String database : databases) {
            report.put(database.trim(), runOn(database.trim()));
        }
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        MachineLoad.atEnd(report);
        Files.writeString(out.resolve("import-results.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        String markdown = markdown(report);
        Files.writeString(out.resolve("import-results.md"), markdown);
        System.out.println(markdown);
    }

    private Map<String, Object> runOn(String database) throws Exception {
        // the demo's 257 accounts share one known password: the demo's work factor, not production's 310,000
        Map<String, Object> result = new LinkedHashMap<>();
        try (BenchApplication application = BenchApplication.start(database, "import", List.of(
                "precision-aid.security.password-hash-iterations=10000",
                "camunda.bpm.job-execution.enabled=false"))) {
            ConfigurableApplicationContext context = application.context;
            HouseholdImport importer = context.getBean(HouseholdImport.class);
            IdentityService identity = context.getBean(IdentityService.class);
            RuntimeService runtime = context.getBean(RuntimeService.class);
            String clerk = "clerk." + VILLAGE;
            int households = rows / (MEMBERS + 1);

            long built = System.nanoTime();
            byte[] good = workbook(context.getBean(HouseholdImportTemplate.class).xlsx(VILLAGE), households, false);
            byte[] bad = workbook(context.getBean(HouseholdImportTemplate.class).xlsx(VILLAGE), households, true);
            result.put("fileBytes", good.length);
            result.put("fileLimitBytes", HouseholdImport.MAX_BYTES);
            result.put("buildSeconds", IdentificationBenchmark.round((System.nanoTime() - built) / 2e9));
            result.put("afterStart", IdentificationBenchmark.memory());

            long refused = System.nanoTime();
            int errors = as(identity, clerk, () -> {
                try {
                    importer.importXlsx(bad, clerk, village -> village.equals(VILLAGE));
                    return 0;
                } catch (HouseholdImportException e) {
                    return e.errors().size();
                }
            });
            result.put("readAndCheckSeconds (refused, " + errors + " error)",
                    IdentificationBenchmark.round((System.nanoTime() - refused) / 1e9));

            long casesBefore = runtime.createProcessInstanceQuery().processDefinitionKey("identification").count();
            AtomicLong peakHeap = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            long started = System.nanoTime();
            HouseholdImport.Result imported = as(identity, clerk,
                    () -> importer.importXlsx(good, clerk, village -> village.equals(VILLAGE)));
            double seconds = (System.nanoTime() - started) / 1e9;
            sampling.set(false);
            sampler.join();
            long cases = runtime.createProcessInstanceQuery().processDefinitionKey("identification").count() - casesBefore;
            if (imported.households() != households || cases != households) {
                throw new IllegalStateException("imported " + imported.households() + " households and " + cases
                        + " cases, expected " + households);
            }
            result.put("households", imported.households());
            result.put("members", imported.members());
            result.put("casesStarted", cases);
            result.put("importSeconds", IdentificationBenchmark.round(seconds));
            result.put("rowsPerSecond", IdentificationBenchmark.round(rows / seconds));
            result.put("householdsPerSecond", IdentificationBenchmark.round(households / seconds));
            result.put("peakHeapDuringImportMb", peakHeap.get() / 1_048_576);
            result.put("afterImport", IdentificationBenchmark.memory());
        }
        return result;
    }

    /** The template filled with n households of four members; {@code broken}: the last member's health is wrong. */
    private static byte[] workbook(byte[] template, int households, boolean broken) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet householdSheet = book.getSheet("户 Households");
            Sheet memberSheet = book.getSheet("成员 Members");
            int h = householdSheet.getLastRowNum() + 1;
            int m = memberSheet.getLastRowNum() + 1;
            for (int n = 0; n < households; n++) {
                ApplicationForm form = Applications.eligible(VILLAGE, HOUSEHOLD_OFFSET + n);
                String key = String.valueOf(n + 1);
                Row row = householdSheet.createRow(h++);
                Object[] values = {key, VILLAGE, form.villageGroup(), form.phone(), form.incomeYear(), 5000, 1500, 0,
                        1500, 3000, "C级危房 / Dilapidated, grade C", "安全 / Safe", "因病 / Illness", "缺资金 / Lack of funds",
                        "否 / No", "否 / No", "否 / No", "否 / No"};
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(values[c].toString());
                    }
                }
                for (ApplicationForm.MemberForm member : form.members()) {
                    Row r = memberSheet.createRow(m++);
                    String[] cells = {key, member.name(), member.idNumber(), member.relation(), "",
                            member.health(), member.education(), member.labourCapacity()};
                    for (int c = 0; c < cells.length; c++) {
                        r.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            if (broken) {
                memberSheet.getRow(m - 1).getCell(5).setCellValue("很好");
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("# Excel import benchmark\n\n");
        md.append("When: ").append(report.get("when")).append(" · cores: ").append(report.get("cores"))
                .append(" · max heap: ").append(report.get("maxHeapMb")).append(" MB · parameters: ")
                .append(report.get("parameters")).append("\n\n");
        report.forEach((key, value) -> {
            if (value instanceof Map<?, ?> db && db.containsKey("importSeconds")) {
                md.append("## ").append(key).append("\n\n| figure | value |\n|---|---|\n");
                ((Map<String, Object>) db).forEach((name, figure) ->
                        md.append("| ").append(name).append(" | ").append(figure).append(" |\n"));
                md.append("\n");
            }
        });
        return md.toString();
    }
}
