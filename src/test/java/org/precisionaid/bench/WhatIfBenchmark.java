package org.precisionaid.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
 * What-if benchmark, not a test: {@code bench.whatIfHouseholds} (default 100,000) households of four in the 24 demo
 * villages of Toli and Yumin, put into PostgreSQL by bulk SQL: applicants of the year with per-capita incomes spread
 * from 5,000 to 9,999.99 yuan with cents around the 2026 line (7,500), every 50th with a car, and as many registered
 * households with two years of accounts (6,000 to 9,999.99 a person, with cents). Then each what-if is run over HTTP
 * as the prefecture office (all of them), once each: the poverty line 8,000 (JSON and Excel), the car row off, the
 * exit rule with 3 years, the monitoring line 8,500 (Xinjiang's is 7,800). The load average is printed at the
 * start and the end; figures in target/bench/whatif-results.json and .md. Run with
 * {@code ./mvnw -Pbench verify -Dtest=WhatIfBenchmark}.
 */
class WhatIfBenchmark {

    /** Household ids far above what the application's sequence hands out and what ReportBenchmark uses. */
    static final long ID_BASE = 60_000_000L;
    static final int YEAR = 2026; // the last year with a line in bpmn/eligibility.dmn

    final int households = Integer.getInteger("bench.whatIfHouseholds", 100_000);

    /**
     * A household's yearly income in yuan with cents, spread evenly from 20,000 to 39,999.99 (5,000 to 9,999.99 a
     * person): a step of 79.19 yuan modulo the spread, so no two of 100,000 households have the same total. Per
     * capita, rounded to the cent as the registry does, the step's arithmetic leaves 38,259 distinct figures (52,794
     * distinct identification inputs with the car and labour flags; the accounts: 33,840 of 50,000); docs/benchmarks.md
     * W1 gives what that does to the memo (ADR 0029). Round figures would have made it look better still.
     */
    static final String TOTAL = "(20000 + (cast(i as bigint) * 7919 % 2000000) / 100.0)";

    @Test
    void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1_048_576);
        report.put("loadAverageStart", loadAverage());
        System.out.println("load average at start: " + report.get("loadAverageStart"));
        List<String> properties = List.of("server.port=0", "precision-aid.demo=true",
                "precision-aid.admin.password=bench-admin-password",
                "precision-aid.security.password-hash-iterations=10000", "camunda.bpm.job-execution.enabled=false",
                "logging.level.root=WARN", "PA_DB_URL=" + SharedPostgres.jdbcUrl(), "PA_DB_USER=postgres",
                "PA_DB_PASSWORD=postgres");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PrecisionAidApplication.class)
                .profiles("postgres").run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long start = System.nanoTime();
            load(jdbc);
            report.put("setupSeconds", IdentificationBenchmark.round((System.nanoTime() - start) / 1e9));
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            report.put("households", households);
            report.put("runs", runs(port));
        }
        report.put("loadAverageEnd", loadAverage());
        System.out.println("load average at end: " + report.get("loadAverageEnd"));
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("whatif-results.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        String markdown = markdown(report);
        Files.writeString(out.resolve("whatif-results.md"), markdown);
        System.out.println(markdown);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Half applicants of the year around the line, half registered with accounts of the year and the one before. */
    private void load(JdbcTemplate jdbc) {
        int n = households;
        String villages = "array[" + String.join(",", IdentificationBenchmark.VILLAGES.stream()
                .map(v -> "'" + v + "'").toList()) + "]";
        jdbc.update("insert into household (id, application_no, village_code, village_group, income_year, wages,"
                + " operating_net, property_income, transfer_income, expenditure, per_capita_income, housing_safety,"
                + " drinking_water, causes, owns_car, registered_business, commercial_housing, civil_servant, status,"
                + " classification, created_at, updated_at, version, monitored)"
                + " select " + ID_BASE + " + i, 'WI-" + YEAR + "-' || i, (" + villages + ")[1 + i % 24], '第一组', "
                + YEAR + ", " + TOTAL + ", 0, 0, 0, 3000, round(" + TOTAL + " / 4, 2), 'SAFE', 'SAFE', 'ILLNESS',"
                + " i % 50 = 0, false, false, false, case when i % 2 = 0 then 'APPLIED' else 'REGISTERED' end,"
                + " 'DEVELOPMENT', now(), now(), 0, false from generate_series(1, cast(? as integer)) as i", n);
        jdbc.update("insert into household_member (id, household_id, position, name, id_number, relation, sex,"
                + " birth_date, health, education, labour_capacity)"
                + " select " + ID_BASE + " * 4 + i * 4 + k, " + ID_BASE + " + i, k,"
                + " case k when 0 then '户主' || i else '成员' || i || '-' || k end,"
                + " lpad((i * 4 + k)::text, 18, '8'), case k when 0 then 'HEAD' when 1 then 'SPOUSE' else 'CHILD' end,"
                + " case when k % 2 = 0 then 'MALE' else 'FEMALE' end, date '1970-01-01' + (i % 10000),"
                + " 'HEALTHY', 'PRIMARY', case when i % 7 = 0 then 'NONE' else 'FULL' end"
                + " from generate_series(1, cast(? as integer)) as i, generate_series(0, 3) as k", n);
        jdbc.update("insert into file_card (household_id, card_no, support_category, assisting_unit,"
                + " responsible_cadre, support_measures, planned_exit_year, registered_at, registered_by)"
                + " select " + ID_BASE + " + i, 'WIC-' || i, 'DEVELOPMENT', '县农业农村局', '干部' || (i % 500),"
                + " '发展养殖 / livestock', " + YEAR + ", now() - interval '400 days', 'bench'"
                + " from generate_series(1, cast(? as integer)) as i where i % 2 = 1", n);
        for (int y = YEAR - 1; y <= YEAR; y++) {
            jdbc.update("insert into income_entry (id, household_id, account_year, entry_date, kind, item, amount_fen,"
                    + " recorded_by, recorded_at)"
                    + " select " + ID_BASE + " * 8 + " + (y - YEAR + 1) + " * " + n + " + i, " + ID_BASE + " + i, " + y
                    + ", date '" + y + "-06-30', 'INCOME', 'WAGES',"
                    + " 2400000 + (cast(i as bigint) * 7919 + " + (y * 104729L) + ") % 1600000, 'bench', now()"
                    + " from generate_series(1, cast(? as integer)) as i where i % 2 = 1", n);
        }
        jdbc.execute("vacuum analyze");
    }

    private Map<String, Object> runs(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("city.6542:demo".getBytes(StandardCharsets.UTF_8));
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("identification, line 8000, JSON", "{\"rule\": \"IDENTIFICATION\", \"povertyLineYuan\": 8000}");
        bodies.put("identification, line 8000, Excel", "{\"rule\": \"IDENTIFICATION\", \"povertyLineYuan\": 8000}");
        bodies.put("identification, car row off, JSON",
                "{\"rule\": \"IDENTIFICATION\", \"negativeListOff\": [\"negativeOwnsCar\"]}");
        bodies.put("exit, 3 years, JSON", "{\"rule\": \"EXIT\", \"exitYears\": 3}");
        bodies.put("monitoring, line 8500, JSON", "{\"rule\": \"MONITORING\", \"monitoringLineYuan\": 8500}");
        // -Dbench.whatIfRuns=identification,monitoring runs only the runs whose names start so (a long run at 100,000)
        String only = System.getProperty("bench.whatIfRuns", "");
        if (!only.isBlank()) {
            bodies.keySet().removeIf(name -> java.util.Arrays.stream(only.split(",")).noneMatch(
                    prefix -> name.startsWith(prefix.strip())));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, String> entry : bodies.entrySet()) {
            boolean xlsx = entry.getKey().contains("Excel");
            String body = entry.getValue().replace("{", "{\"region\": \"654200000000\", \"year\": " + YEAR + ", ");
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/what-if"
                    + (xlsx ? "?format=xlsx" : ""))).header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double seconds = IdentificationBenchmark.round((System.nanoTime() - start) / 1e9);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(entry.getKey() + " → " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run", entry.getKey());
            row.put("seconds", seconds);
            row.put("bytes", response.body().length);
            if (!xlsx) {
                JsonNode result = json.readTree(response.body());
                row.put("evaluated", result.get("evaluated").asLong());
                row.put("classes", json.convertValue(result.get("classes"), Map.class));
                row.put("serverMillis", result.get("millis").asLong());
                // how many decision evaluations the memo saved: 1 - engine evaluations / (2 × households)
                row.put("engineEvaluations", result.get("engineEvaluations").asLong());
            }
            System.out.println(row);
            rows.add(row);
        }
        return Map.of("prefecture", rows);
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("## What-if at ").append(report.get("households"))
                .append(" households (PostgreSQL)\n\n").append(report.get("when")).append(", ")
                .append(report.get("cores")).append(" cores, load average ").append(report.get("loadAverageStart"))
                .append(" at start, ").append(report.get("loadAverageEnd")).append(" at end\n\n")
                .append("| run | households evaluated | engine evaluations | seconds (HTTP) | server ms | changes | bytes |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> row : ((Map<String, List<Map<String, Object>>>) report.get("runs")).get("prefecture")) {
            md.append("| ").append(row.get("run")).append(" | ").append(row.getOrDefault("evaluated", "")).append(" | ")
                    .append(row.getOrDefault("engineEvaluations", "")).append(" | ")
                    .append(row.get("seconds")).append(" | ").append(row.getOrDefault("serverMillis", "")).append(" | ")
                    .append(row.getOrDefault("classes", "")).append(" | ").append(row.get("bytes")).append(" |\n");
        }
        return md.toString();
    }
}
