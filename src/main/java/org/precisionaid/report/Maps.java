package org.precisionaid.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.precisionaid.project.Money;
import org.precisionaid.project.ProjectCodes;
import org.precisionaid.region.RegionLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The two maps of §26: the project layout map (industrial and infrastructure projects by their location, coloured by
 * stage) and the poverty incidence map (counties shaded, townships as points). The page draws them with ECharts over
 * the county boundaries shipped in {@code static/reports/geo/}; this class says what to draw and lists it as a table.
 */
@Component
class Maps {

    /** County boundaries of Tacheng prefecture; see static/reports/geo/README.md for source and licence. */
    static final String GEO = "/reports/geo/tacheng-6542.geojson";
    /** How far (degrees) projects placed at the same township or county point are spread so each stays visible. */
    static final double SPREAD = 0.04;

    private final JdbcTemplate jdbc;
    private final RegionRows regionRows;
    private final Locations locations;
    private final Distribution distribution;

    Maps(JdbcTemplate jdbc, RegionRows regionRows, Locations locations, Distribution distribution) {
        this.jdbc = jdbc;
        this.regionRows = regionRows;
        this.locations = locations;
        this.distribution = distribution;
    }

    Report projects(ReportRequest request, Instant now) {
        Map<String, Locations.Point> points = locations.around(request);
        Map<String, String> regionNames = new HashMap<>();
        for (RegionRows.Row row : regionRows.within(request)) {
            regionNames.put(row.code(), row.name());
        }
        List<Map<String, Object>> projects = new ArrayList<>();
        jdbc.query("select p.project_no, p.name, p.project_type, p.region_code, p.status, p.latitude, p.longitude,"
                + " p.total_fen, p.progress_percent,"
                + " (select count(*) from project_beneficiary b where b.project_id = p.id)"
                + " from project p where p.region_code between ? and ? and p.fund_year = ? and p.status <> 'REJECTED'"
                + " order by p.project_no", rs -> {
                    ProjectCodes.ProjectType type = ProjectCodes.ProjectType.valueOf(rs.getString(3));
                    ProjectCodes.Status status = ProjectCodes.Status.valueOf(rs.getString(5));
                    ProjectCategory category = ProjectCategory.of(type);
                    String projectNo = rs.getString(1);
                    String region = rs.getString(4);
                    BigDecimal lat = rs.getBigDecimal(6);
                    BigDecimal lng = rs.getBigDecimal(7);
                    String placedBy = "项目坐标 / project's coordinates";
                    if (lat == null || lng == null) {
                        Locations.Placed placed = Locations.place(region, points);
                        if (placed == null) {
                            placedBy = "未定位 / not placed";
                        } else {
                            double[] offset = spread(projectNo);
                            lat = placed.point().latitude().add(BigDecimal.valueOf(offset[0])).setScale(6, RoundingMode.HALF_UP);
                            lng = placed.point().longitude().add(BigDecimal.valueOf(offset[1])).setScale(6, RoundingMode.HALF_UP);
                            placedBy = placed.placedBy();
                        }
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("projectNo", projectNo);
                    row.put("name", rs.getString(2));
                    row.put("category", category.name());
                    row.put("categoryLabel", category.label());
                    row.put("type", type.label());
                    row.put("status", status.name());
                    row.put("stage", status.label());
                    row.put("regionCode", region);
                    row.put("region", regionNames.getOrDefault(region, region));
                    row.put("latitude", lat);
                    row.put("longitude", lng);
                    row.put("placedBy", placedBy);
                    row.put("total", Money.yuan(rs.getLong(8)));
                    row.put("progress", rs.getInt(9));
                    row.put("households", rs.getLong(10));
                    projects.add(row);
                }, request.low(), request.high(), request.year());
        Map<String, Object> map = base(request, points);
        map.put("projects", projects);
        Report.Table table = new Report.Table("projects", ReportName.PROJECTS_MAP.title(), List.of(
                Report.Column.text("projectNo", "项目编号 / Project number"),
                Report.Column.text("name", "项目名称 / Project"),
                Report.Column.text("categoryLabel", "类别 / Category"),
                Report.Column.text("type", "项目类型 / Type"),
                Report.Column.text("stage", "阶段 / Stage"),
                Report.Column.text("region", "所在地 / Where"),
                Report.Column.text("latitude", "纬度 / Latitude"),
                Report.Column.text("longitude", "经度 / Longitude"),
                Report.Column.text("placedBy", "定位依据 / Placed by"),
                Report.Column.yuan("total", "总投资（元） / Total (yuan)"),
                Report.Column.integer("progress", "进度% / Progress %"),
                Report.Column.integer("households", "受益户数 / Beneficiary households")), projects);
        return new Report(ReportName.PROJECTS_MAP.path(), ReportName.PROJECTS_MAP.title(), request.ref(), request.year(),
                now, List.of(table), List.of(
                        "项目年度 = 资金年度；已否决的项目不上图 / Projects of the fund year; rejected projects are not drawn",
                        "无坐标的项目按所在村、乡镇或县城位置标注并稍作错开 / A project without coordinates is drawn at its"
                                + " village, township or county seat, slightly spread",
                        "乡镇无公开边界数据，以点标注 / No open township boundary data exists: townships are drawn as"
                                + " points"), map, null);
    }

    Report incidence(ReportRequest request, Instant now) {
        Distribution.Result result = distribution.compute(request);
        Map<String, Locations.Point> points = locations.around(request);
        Map<String, Object> map = base(request, points);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> areas = new ArrayList<>();
        List<Map<String, Object>> townships = new ArrayList<>();
        for (RegionRows.Row region : result.regions()) {
            if (region.level() == RegionLevel.VILLAGE) {
                continue;
            }
            Distribution.Tally t = result.tallies().get(region.code());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", region.levelLabel());
            row.put("code", region.code());
            row.put("name", region.name());
            row.put("poorHouseholds", t.poorHouseholds);
            row.put("poorPeople", t.poorPeople);
            row.put("agriculturalPopulation", t.villagesWithFile == 0 ? null : t.agriculturalPopulation);
            row.put("incidence", t.incidence());
            rows.add(row);
            if (region.level() == RegionLevel.COUNTY) {
                areas.add(Map.of("county", region.prefix(), "row", row));
            } else if (region.level() == RegionLevel.TOWNSHIP) {
                townships.add(row);
            }
        }
        map.put("areas", areas);
        map.put("townshipFigures", townships);
        List<String> notes = new ArrayList<>(List.of(
                "贫困发生率 = 年末贫困人口 ÷ 农业人口（村档） / Incidence = poor people at year end ÷ agricultural"
                        + " population (village files)",
                "县按发生率着色，乡镇以点标注（无公开乡镇边界） / Counties shaded by incidence; townships as points (no open"
                        + " township boundaries)"));
        if (!result.villageFiles()) {
            notes.add("尚无村档（农业人口），贫困发生率暂缺，地图按贫困人口着色 / No village files yet: incidence is empty and"
                    + " the map shades by poor people instead");
        }
        Report.Table table = new Report.Table("incidence", ReportName.INCIDENCE_MAP.title(), List.of(
                Report.Column.text("level", "级别 / Level"),
                Report.Column.text("code", "区划代码 / Code"),
                Report.Column.text("name", "名称 / Name"),
                Report.Column.integer("poorHouseholds", "年末贫困户数 / Poor households"),
                Report.Column.integer("poorPeople", "年末贫困人口 / Poor people"),
                Report.Column.integer("agriculturalPopulation", "农业人口 / Agricultural population"),
                Report.Column.percent("incidence", "贫困发生率 / Poverty incidence")), rows);
        return new Report(ReportName.INCIDENCE_MAP.path(), ReportName.INCIDENCE_MAP.title(), request.ref(),
                request.year(), now, List.of(table), notes, map, null);
    }

    /** What both maps draw: the boundary file, the counties of the region, its townships as points. */
    private Map<String, Object> base(ReportRequest request, Map<String, Locations.Point> points) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("geo", GEO);
        List<String> counties = new ArrayList<>();
        List<Map<String, Object>> townships = new ArrayList<>();
        if (request.level().isAbove(RegionLevel.COUNTY)) {
            for (RegionRows.Row row : regionRows.within(request)) {
                if (row.level() == RegionLevel.COUNTY) {
                    counties.add(row.prefix());
                }
            }
        } else {
            counties.add(request.region().getCode().substring(0, 6));
        }
        jdbc.query("select code, name_zh, name_en from region where level = 'TOWNSHIP' and code between ? and ?"
                + " order by code", rs -> {
                    Locations.Point point = points.get(rs.getString(1));
                    if (point != null) {
                        Map<String, Object> township = new LinkedHashMap<>();
                        township.put("code", rs.getString(1));
                        township.put("name", rs.getString(2) + " / " + rs.getString(3));
                        township.put("latitude", point.latitude());
                        township.put("longitude", point.longitude());
                        townships.add(township);
                    }
                }, counties.isEmpty() ? request.low() : counties.get(0) + "000000",
                counties.isEmpty() ? request.high() : counties.get(counties.size() - 1) + "999999");
        map.put("counties", counties);
        map.put("townships", townships);
        map.put("focus", request.region().getCode());
        return map;
    }

    /** A small offset that is the same for the same project every time. */
    static double[] spread(String projectNo) {
        int h = projectNo.hashCode();
        double angle = (h & 0xffff) / 65536.0 * 2 * Math.PI;
        double radius = SPREAD * (0.3 + 0.7 * (((h >>> 16) & 0xff) / 255.0));
        return new double[] {Math.sin(angle) * radius, Math.cos(angle) * radius};
    }
}
