package org.precisionaid.report;

import java.util.List;
import org.precisionaid.region.RegionLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The regions inside a report's region, itself first, in code order (county, its first township, its villages, ...). */
@Component
class RegionRows {

    record Row(String code, RegionLevel level, String nameZh, String nameEn) {

        /** The leading digits every code inside this region shares. */
        String prefix() {
            return code.substring(0, level.significantDigits());
        }

        String name() {
            return nameZh + " / " + nameEn;
        }

        /** 县 / County and so on, the Chinese first */
        String levelLabel() {
            return level.label();
        }
    }

    private final JdbcTemplate jdbc;

    RegionRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> within(ReportRequest request) {
        return jdbc.query("select code, level, name_zh, name_en from region where code between ? and ? order by code",
                (rs, i) -> new Row(rs.getString(1), RegionLevel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4)), request.low(), request.high());
    }
}
