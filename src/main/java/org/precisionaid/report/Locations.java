package org.precisionaid.report;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Points of county seats, townships and villages (table {@code region_location}) for placing things on the maps. */
@Component
class Locations {

    record Point(BigDecimal latitude, BigDecimal longitude, String source) {
    }

    /** Where a thing of a region lies when it has no coordinates of its own, and what that point is. */
    record Placed(Point point, String placedBy) {
    }

    private final JdbcTemplate jdbc;

    Locations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The points of every region of the counties the request touches (a township's report still shows its county). */
    Map<String, Point> around(ReportRequest request) {
        String low = request.prefix().length() >= 6 ? request.prefix().substring(0, 6) + "000000" : request.low();
        String high = request.prefix().length() >= 6 ? request.prefix().substring(0, 6) + "999999" : request.high();
        Map<String, Point> points = new HashMap<>();
        jdbc.query("select region_code, latitude, longitude, source from region_location where region_code between ? and ?",
                rs -> {
                    points.put(rs.getString(1), new Point(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4)));
                }, low, high);
        return points;
    }

    /** The region's own point, else its township's, else its county seat's. */
    static Placed place(String regionCode, Map<String, Point> points) {
        Point own = points.get(regionCode);
        if (own != null) {
            return new Placed(own, regionCode.endsWith("000000") ? "县城位置 / county seat"
                    : regionCode.endsWith("000") ? "乡镇位置 / township" : "村位置 / village");
        }
        Point township = points.get(regionCode.substring(0, 9) + "000");
        if (township != null) {
            return new Placed(township, "乡镇位置 / township");
        }
        Point county = points.get(regionCode.substring(0, 6) + "000000");
        return county == null ? null : new Placed(county, "县城位置 / county seat");
    }
}
