package org.precisionaid.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.registry.Codes.Cause;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 贫困村和贫困人口分布表: per village, township and county of the region, registered households and people, the poor
 * at the end of the year, poverty incidence, poor households by main cause and by classification, exits. One grouped
 * query per village over the region's code range; townships and the county are sums of their villages.
 */
@Component
class Distribution {

    static final String DEVELOPMENT = "DEVELOPMENT";
    static final String SOCIAL_ASSISTANCE = "SOCIAL_ASSISTANCE";

    /** The figures of one region. */
    static final class Tally {
        long registeredHouseholds;
        long registeredPeople;
        long poorHouseholds;
        long poorPeople;
        long development;
        long socialAssistance;
        long exitsInYear;
        long exitsToDate;
        final long[] causes = new long[Cause.values().length];
        /** over the villages with a village file only */
        long agriculturalPopulation;
        long poorPeopleOfFiledVillages;
        int villagesWithFile;
        int poorVillages;

        void add(Tally other) {
            registeredHouseholds += other.registeredHouseholds;
            registeredPeople += other.registeredPeople;
            poorHouseholds += other.poorHouseholds;
            poorPeople += other.poorPeople;
            development += other.development;
            socialAssistance += other.socialAssistance;
            exitsInYear += other.exitsInYear;
            exitsToDate += other.exitsToDate;
            for (int i = 0; i < causes.length; i++) {
                causes[i] += other.causes[i];
            }
            agriculturalPopulation += other.agriculturalPopulation;
            poorPeopleOfFiledVillages += other.poorPeopleOfFiledVillages;
            villagesWithFile += other.villagesWithFile;
            poorVillages += other.poorVillages;
        }

        /** Poor people ÷ agricultural population, over the villages that have a file; null without any. */
        BigDecimal incidence() {
            if (villagesWithFile == 0 || agriculturalPopulation == 0) {
                return null;
            }
            return BigDecimal.valueOf(poorPeopleOfFiledVillages).divide(BigDecimal.valueOf(agriculturalPopulation), 4,
                    RoundingMode.HALF_UP);
        }
    }

    record Result(List<RegionRows.Row> regions, Map<String, Tally> tallies, boolean villageFiles) {
    }

    private final JdbcTemplate jdbc;
    private final RegionRows regionRows;
    private final VillageFiles villageFiles;
    private final String sql;

    Distribution(JdbcTemplate jdbc, RegionRows regionRows, VillageFiles villageFiles) {
        this.jdbc = jdbc;
        this.regionRows = regionRows;
        this.villageFiles = villageFiles;
        StringBuilder causes = new StringBuilder();
        for (Cause cause : Cause.values()) {
            causes.append(", sum(case when x.poor = 1 and x.main_cause = '").append(cause.name())
                    .append("' then 1 else 0 end)");
        }
        // poor at the end of the year: a file card opened by then and no exit by then
        this.sql = "select x.village_code, count(*), sum(x.members), sum(x.poor), sum(x.poor * x.members),"
                + " sum(case when x.poor = 1 and x.classification = '" + DEVELOPMENT + "' then 1 else 0 end),"
                + " sum(case when x.poor = 1 and x.classification = '" + SOCIAL_ASSISTANCE + "' then 1 else 0 end),"
                + " sum(case when x.exit_year = ? then 1 else 0 end),"
                + " sum(case when x.exit_year <= ? then 1 else 0 end)" + causes
                + " from (select h.village_code, h.classification, h.exit_year,"
                + "   case when h.exit_year is null or h.exit_year > ? then 1 else 0 end as poor,"
                + "   case when position(',' in h.causes) > 0 then substring(h.causes, 1, position(',' in h.causes) - 1)"
                + "     else h.causes end as main_cause,"
                + "   (select count(*) from household_member m where m.household_id = h.id) as members"
                + "   from household h join file_card f on f.household_id = h.id"
                + "   where h.status in ('REGISTERED', 'EXITED') and h.village_code between ? and ?"
                // offset 0 keeps the derived table whole: PostgreSQL would otherwise inline it and count each
                // household's members once for every aggregate that uses them
                + "   and f.registered_at < ? offset 0) x"
                + " group by x.village_code";
    }

    Result compute(ReportRequest request) {
        int year = request.year();
        Map<String, Tally> byVillage = new HashMap<>();
        jdbc.query(sql, rs -> {
            Tally t = new Tally();
            t.registeredHouseholds = rs.getLong(2);
            t.registeredPeople = rs.getLong(3);
            t.poorHouseholds = rs.getLong(4);
            t.poorPeople = rs.getLong(5);
            t.development = rs.getLong(6);
            t.socialAssistance = rs.getLong(7);
            t.exitsInYear = rs.getLong(8);
            t.exitsToDate = rs.getLong(9);
            for (int i = 0; i < t.causes.length; i++) {
                t.causes[i] = rs.getLong(10 + i);
            }
            byVillage.put(rs.getString(1), t);
        }, year, year, year, request.low(), request.high(), request.endOfYear());
        Map<String, VillageFiles.VillageFile> files = villageFiles.in(request);
        List<RegionRows.Row> regions = regionRows.within(request);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        List<RegionRows.Row> villages = new ArrayList<>();
        for (RegionRows.Row region : regions) {
            if (region.level() == RegionLevel.VILLAGE) {
                Tally t = byVillage.getOrDefault(region.code(), new Tally());
                VillageFiles.VillageFile file = files.get(region.code());
                if (file != null) {
                    t.villagesWithFile = 1;
                    t.agriculturalPopulation = file.agriculturalPopulation();
                    t.poorPeopleOfFiledVillages = t.poorPeople;
                    t.poorVillages = file.exitYear() == null || file.exitYear() > year ? 1 : 0;
                } else {
                    t.poorVillages = t.poorHouseholds > 0 ? 1 : 0;
                }
                tallies.put(region.code(), t);
                villages.add(region);
            }
        }
        for (RegionRows.Row region : regions) {
            if (region.level() != RegionLevel.VILLAGE) {
                Tally sum = new Tally();
                for (RegionRows.Row village : villages) {
                    if (village.code().startsWith(region.prefix())) {
                        sum.add(tallies.get(village.code()));
                    }
                }
                tallies.put(region.code(), sum);
            }
        }
        return new Result(regions, tallies, villageFiles.present());
    }

    Report report(ReportRequest request, java.time.Instant now) {
        Result result = compute(request);
        List<Report.Column> columns = new ArrayList<>(List.of(
                Report.Column.text("level", "级别 / Level"),
                Report.Column.text("code", "区划代码 / Code"),
                Report.Column.text("name", "名称 / Name"),
                Report.Column.integer("registeredHouseholds", "建档立卡户数 / Registered households"),
                Report.Column.integer("registeredPeople", "建档立卡人数 / Registered people"),
                Report.Column.integer("poorHouseholds", "年末贫困户数 / Poor households at year end"),
                Report.Column.integer("poorPeople", "年末贫困人口 / Poor people at year end"),
                Report.Column.integer("agriculturalPopulation", "农业人口 / Agricultural population"),
                Report.Column.percent("incidence", "贫困发生率 / Poverty incidence"),
                Report.Column.integer("poorVillages", "贫困村 / Poor villages"),
                Report.Column.integer("development", "发展生产扶持户 / Development support"),
                Report.Column.integer("socialAssistance", "社会保障兜底户 / Social-assistance cover"),
                Report.Column.integer("exitsInYear", "当年脱贫户数 / Exits in the year"),
                Report.Column.integer("exitsToDate", "累计脱贫户数 / Exits to date")));
        for (Cause cause : Cause.values()) {
            columns.add(Report.Column.integer("cause" + cause.name(), "主要致贫原因：" + cause.label().replace(" / ",
                    " / Main cause: ")));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RegionRows.Row region : result.regions()) {
            Tally t = result.tallies().get(region.code());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", region.levelLabel());
            row.put("code", region.code());
            row.put("name", region.name());
            row.put("registeredHouseholds", t.registeredHouseholds);
            row.put("registeredPeople", t.registeredPeople);
            row.put("poorHouseholds", t.poorHouseholds);
            row.put("poorPeople", t.poorPeople);
            row.put("agriculturalPopulation", t.villagesWithFile == 0 ? null : t.agriculturalPopulation);
            row.put("incidence", t.incidence());
            row.put("poorVillages", t.poorVillages);
            row.put("development", t.development);
            row.put("socialAssistance", t.socialAssistance);
            row.put("exitsInYear", t.exitsInYear);
            row.put("exitsToDate", t.exitsToDate);
            for (Cause cause : Cause.values()) {
                row.put("cause" + cause.name(), t.causes[cause.ordinal()]);
            }
            rows.add(row);
        }
        List<String> notes = new ArrayList<>(List.of(
                "年末贫困户：年底前已建档立卡且当年及以前未脱贫 / Poor at year end: file card opened by the end of the year,"
                        + " not exited in or before it",
                "贫困发生率 = 贫困人口 ÷ 农业人口，仅计有村档的村 / Incidence = poor people ÷ agricultural population,"
                        + " over the villages with a village file"));
        if (!result.villageFiles()) {
            notes.add("尚无村档（农业人口），贫困发生率暂缺 / No village files (agricultural population) in this database"
                    + " yet: incidence is left empty");
        }
        return new Report(ReportName.DISTRIBUTION.path(), ReportName.DISTRIBUTION.title(), request.ref(),
                request.year(), now, List.of(new Report.Table("distribution", ReportName.DISTRIBUTION.title(), columns,
                        rows)), notes, null, null);
    }
}
