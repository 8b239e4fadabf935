package org.precisionaid.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.precisionaid.PrecisionAidApplication;
import org.precisionaid.support.SharedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reports benchmark, not a test: {@code bench.reportHouseholds} (default 100,000) registered households with four
 * members each, file cards, two years of income accounts and projects with beneficiaries are put into PostgreSQL by
 * bulk SQL ({@code generate_series}, not through the procedures); then every report is read over HTTP as the county
 * office (half the households) and the prefecture office (all of them), JSON and Excel. Figures in
 * target/bench/reports-results.json and .md, see docs/benchmarks.md. Run with
 * {@code ./mvnw -Pbench verify -Dtest=ReportBenchmark}.
 */
class ReportBenchmark {

    /** Household ids far above what the application's sequence hands out in a benchmark. */
    static final long ID_BASE = 50_000_000L;
    static final String[] REPORTS = {"distribution", "income-targets", "reduction-tasks", "projects-map",
            "incidence-map", "guide"};

    final int households = Integer.getInteger("bench.reportHouseholds", 100_000);
    final int repeats = Integer.getInteger("bench.reportRepeats", 5);

    @Test
    void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        MachineLoad.atStart(report);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1_048_576);
        report.put("parameters", Map.of("households", households, "repeats", repeats));
        List<String> properties = List.of("server.port=0", "precision-aid.demo=true",
                "precision-aid.admin.password=bench-admin-password",
                "precision-aid.security.password-hash-iterations=10000", "camunda.bpm.job-execution.enabled=false",
                "logging.level.root=WARN", "PA_DB_URL=" + SharedPostgres.jdbcUrl(), "PA_DB_USER=postgres",
                "PA_DB_PASSWORD=postgres");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PrecisionAidApplication.class)
                .profiles("postgres").run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
            long start = System.nanoTime();
            Map<String, Object> setup = load(jdbc, year);
            setup.put("seconds", IdentificationBenchmark.round((System.nanoTime() - start) / 1e9));
            report.put("setup", setup);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            report.put("postgres", reads(port, year));
        }
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        MachineLoad.atEnd(report);
        Files.writeString(out.resolve("reports-results.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        String markdown = markdown(report);
        Files.writeString(out.resolve("reports-results.md"), markdown);
        System.out.println(markdown);
    }

    /** Bulk SQL: households spread over the 24 demo villages, 10 % exited, members, file cards, accounts, projects. */
    private Map<String, Object> load(JdbcTemplate jdbc, int year) {
        int n = households;
        String villages = "array[" + String.join(",", IdentificationBenchmark.VILLAGES.stream()
                .map(v -> "'" + v + "'").toList()) + "]";
        String causes = "array['ILLNESS','DISABILITY','EDUCATION','DISASTER','LACK_OF_LAND','LACK_OF_WATER',"
                + "'LACK_OF_TECHNOLOGY','LACK_OF_LABOUR','LACK_OF_FUNDS','POOR_TRANSPORT','LACK_OF_DRIVE','OTHER']";
        jdbc.update("insert into household (id, application_no, village_code, village_group, income_year, wages,"
                + " operating_net, property_income, transfer_income, expenditure, per_capita_income, housing_safety,"
                + " drinking_water, causes, owns_car, registered_business, commercial_housing, civil_servant, status,"
                + " classification, created_at, updated_at, version, exit_year, monitored)"
                + " select " + ID_BASE + " + i, 'BM-" + year + "-' || i, (" + villages + ")[1 + i % 24], '第一组', "
                + year + " - 1, 5000, 1500, 0, 1500, 3000, 2000, 'SAFE', 'SAFE', (" + causes + ")[1 + i % 12] || ',LACK_OF_FUNDS',"
                + " false, false, false, false, case when i % 10 = 0 then 'EXITED' else 'REGISTERED' end,"
                + " case when i % 5 = 0 then 'SOCIAL_ASSISTANCE' else 'DEVELOPMENT' end, now(), now(), 0,"
                + " case when i % 10 = 0 then " + year + " - (i / 10) % 2 else null end, false"
                + " from generate_series(1, cast(? as integer)) as i", n);
        jdbc.update("insert into household_member (id, household_id, position, name, id_number, relation, sex,"
                + " birth_date, health, education, labour_capacity)"
                + " select " + ID_BASE + " * 4 + i * 4 + k, " + ID_BASE + " + i, k,"
                + " case k when 0 then '户主' || i else '成员' || i || '-' || k end,"
                + " lpad((i * 4 + k)::text, 18, '9'), case k when 0 then 'HEAD' when 1 then 'SPOUSE' else 'CHILD' end,"
                + " case when k % 2 = 0 then 'MALE' else 'FEMALE' end, date '1970-01-01' + (i % 10000),"
                + " 'HEALTHY', 'PRIMARY', 'FULL' from generate_series(1, cast(? as integer)) as i, generate_series(0, 3) as k", n);
        jdbc.update("insert into file_card (household_id, card_no, support_category, assisting_unit,"
                + " responsible_cadre, support_measures, planned_exit_year, registered_at, registered_by)"
                + " select " + ID_BASE + " + i, 'BMC-' || i, 'DEVELOPMENT', '县农业农村局', '干部' || (i % 500),"
                + " '发展养殖 / livestock', " + (year - 1) + " + i % 4, now() - interval '400 days', 'bench'"
                + " from generate_series(1, cast(? as integer)) as i", n);
        for (int y = year - 1; y <= year; y++) {
            jdbc.update("insert into income_entry (id, household_id, account_year, entry_date, kind, item, amount_fen,"
                    + " recorded_by, recorded_at)"
                    + " select " + ID_BASE + " * 8 + (" + (y - year + 1) + ") * " + n * 2L + " + i * 2 + k, "
                    + ID_BASE + " + i, " + y + ", date '" + y + "-06-30', 'INCOME',"
                    + " case k when 0 then 'WAGES' else 'TRANSFER' end, 400000 + (i % 1000) * 1000 * (1 - k), 'bench', now()"
                    + " from generate_series(1, cast(? as integer)) as i, generate_series(0, 1) as k", n);
        }
        int projects = Math.max(10, households / 500);
        jdbc.update("insert into project (id, project_no, name, project_type, region_code, county_code,"
                + " implementing_unit, period_start, period_end, fund_year, total_fen, secured, status,"
                + " progress_percent, applied_by, created_at, updated_at, version)"
                + " select " + ID_BASE + " + p, 'XM-BM-' || p, '项目' || p,"
                + " (array['INDUSTRY','WATER','ROADS','AGRI_PROCESSING','HOUSING','EDUCATION'])[1 + p % 6],"
                + " (" + villages + ")[1 + p % 24], substring((" + villages + ")[1 + p % 24], 1, 6) || '000000',"
                + " '县农业农村局', date '" + year + "-03-01', date '" + year + "-10-31', " + year + ", 10000000, false,"
                + " (array['APPROVED','FUNDED','IMPLEMENTING','CLOSED'])[1 + p % 4], 50, 'bench', now(), now(), 0"
                + " from generate_series(1, cast(? as integer)) as p", projects);
        jdbc.update("insert into project_beneficiary (id, project_id, household_id, position, benefit, amount_fen)"
                + " select " + ID_BASE + " + p * 20 + b, " + ID_BASE + " + p, " + ID_BASE + " + 1 + ((p * 20 + b) * 7) % ?,"
                + " b, '受益 / benefit', 100000 from generate_series(1, cast(? as integer)) as p, generate_series(0, 19) as b",
                households, projects);
        jdbc.execute("vacuum analyze"); // as autovacuum leaves a loaded table: statistics and the visibility map
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("households", n);
        setup.put("members", n * 4);
        setup.put("incomeEntries", n * 4);
        setup.put("projects", projects);
        setup.put("beneficiaries", projects * 20);
        return setup;
    }

    /** Each report, JSON and Excel, for a county and the prefecture; one warm-up call, then {@code repeats}. */
    private Map<String, Object> reads(int port, int year) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Stats stats = new Stats();
        Map<String, Object> sizes = new LinkedHashMap<>();
        for (String[] who : List.of(new String[] {"county.654224", "654224000000", "county"},
                new String[] {"city.6542", "654200000000", "prefecture"})) {
            String auth = "Basic " + Base64.getEncoder().encodeToString((who[0] + ":demo").getBytes(StandardCharsets.UTF_8));
            for (String name : REPORTS) {
                for (String format : List.of("json", "xlsx")) {
                    String url = "http://localhost:" + port + "/api/reports/" + name + (format.equals("xlsx") ? ".xlsx" : "")
                            + "?region=" + who[1] + "&year=" + year;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build();
                    long first = System.nanoTime();
                    HttpResponse<byte[]> warm = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long firstNanos = System.nanoTime() - first;
                    if (warm.statusCode() != 200) {
                        throw new IllegalStateException(url + " → " + warm.statusCode() + " " + new String(warm.body(),
                                StandardCharsets.UTF_8));
                    }
                    sizes.put(who[2] + " " + name + " " + format, warm.body().length);
                    String key = who[2] + " " + name + " " + format;
                    if (format.equals("xlsx") && name.equals("guide")) {
                        // every household of the region in one file: measured once (the first call is the figure)
                        stats.record(key, firstNanos);
                        System.out.printf("%s: %.0f ms (once)%n", key, firstNanos / 1e6);
                        continue;
                    }
                    for (int r = 0; r < repeats; r++) {
                        stats.time(key, () -> {
                            try {
                                http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    }
                    System.out.printf("%s: %s%n", key, stats.percentiles().get(key));
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reads", stats.percentiles());
        result.put("bytes", sizes);
        return result;
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("## Reports at ").append(((Map<?, ?>) report.get("setup")).get("households"))
                .append(" households (PostgreSQL)\n\n").append(report.get("when")).append(", ")
                .append(report.get("cores")).append(" cores\n\n| read | p50 ms | p95 ms | max of | bytes |\n|---|---|---|---|---|\n");
        Map<String, Object> pg = (Map<String, Object>) report.get("postgres");
        Map<String, Map<String, Object>> reads = (Map<String, Map<String, Object>>) pg.get("reads");
        Map<String, Object> bytes = (Map<String, Object>) pg.get("bytes");
        reads.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.get("p50_ms")).append(" | ")
                .append(v.get("p95_ms")).append(" | ").append(v.get("count")).append(" | ").append(bytes.get(k))
                .append(" |\n"));
        return md.toString();
    }
}
