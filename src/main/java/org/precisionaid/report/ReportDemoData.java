package org.precisionaid.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import org.precisionaid.project.Money;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo counties' map points and income targets (demo/region-locations.csv, demo/income-targets.csv), after the
 * demo regions exist. Only in the demo profile; rows already there are left as they are.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "precision-aid.demo", havingValue = "true")
class ReportDemoData implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReportDemoData(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (String[] row : csv("demo/region-locations.csv")) {
            if (count("select count(*) from region_location where region_code = ?", row[0]) == 0
                    && count("select count(*) from region where code = ?", row[0]) == 1) {
                jdbc.update("insert into region_location (region_code, latitude, longitude, source) values (?, ?, ?, ?)",
                        row[0], new BigDecimal(row[1]), new BigDecimal(row[2]), "demo (approximate)");
            }
        }
        for (String[] row : csv("demo/income-targets.csv")) {
            int year = Integer.parseInt(row[1]);
            if (count("select count(*) from income_target where county_code = ? and target_year = ?", row[0], year) == 0
                    && count("select count(*) from region where code = ?", row[0]) == 1) {
                jdbc.update("insert into income_target (county_code, target_year, per_capita_net_fen, source, updated_by,"
                        + " updated_at) values (?, ?, ?, ?, ?, ?)", row[0], year, Money.fen(new BigDecimal(row[2])),
                        "县扶贫办（演示） / county office (demo)", "demo", Timestamp.from(clock.instant()));
            }
        }
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static java.util.List<String[]> csv(String resource) throws IOException {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split(",");
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = cells[i].trim();
                    }
                    rows.add(cells);
                }
            }
        }
        return rows;
    }
}
