package org.precisionaid.report;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The agricultural population (农业人口) and exit year of each village, from the village file (村档, table
 * {@code village_file} of the village file feature, #12). Until a database has that table, the reports leave poverty
 * incidence empty and say so; once it is there they read it, with no change here.
 */
@Component
class VillageFiles {

    record VillageFile(int agriculturalPopulation, Integer exitYear) {
    }

    private final JdbcTemplate jdbc;
    private volatile Boolean present;

    VillageFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean present() {
        if (present == null) {
            present = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
                DatabaseMetaData meta = connection.getMetaData();
                for (String name : new String[] {"village_file", "VILLAGE_FILE"}) {
                    try (ResultSet tables = meta.getTables(connection.getCatalog(), null, name, new String[] {"TABLE"})) {
                        if (tables.next()) {
                            return true;
                        }
                    }
                }
                return false;
            });
        }
        return present;
    }

    Map<String, VillageFile> in(ReportRequest request) {
        Map<String, VillageFile> files = new HashMap<>();
        if (!present()) {
            return files;
        }
        jdbc.query("select village_code, agricultural_population, exit_year from village_file"
                + " where village_code between ? and ?", rs -> {
                    files.put(rs.getString(1), new VillageFile(rs.getInt(2), (Integer) rs.getObject(3)));
                }, request.low(), request.high());
        return files;
    }
}
