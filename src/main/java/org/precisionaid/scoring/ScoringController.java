package org.precisionaid.scoring;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The year-end scoring over REST. The county office of a county runs it ({@code POST ?county=&year=}, once per year;
 * {@code replace=true} scores the year again with today's figures); officials and auditors of the county or above
 * read it ({@code GET ?region=&year=}), also as Excel ({@code GET /api/assessment/scoring.xlsx?region=&year=}).
 * Cadres are named with rank and unit, never with a phone.
 */
@RestController
public class ScoringController {

    private final ScoringService scoring;
    private final RegionService regions;
    private final CandidateGroups groups;
    private final JdbcTemplate jdbc;
    private final ScoringWorkbook workbook;

    public ScoringController(ScoringService scoring, RegionService regions, CandidateGroups groups, JdbcTemplate jdbc,
            ScoringWorkbook workbook) {
        this.scoring = scoring;
        this.regions = regions;
        this.groups = groups;
        this.jdbc = jdbc;
        this.workbook = workbook;
    }

    public record ScoreView(String kind, Long cadreId, String cadre, String cadreLatin, String rank, long unitId,
                            String unit, String rating, String ratingLabel, BigDecimal points, String pointsRating,
                            String capReason, int pairedHouseholds, int dueHouseholds, int exitedOnSchedule,
                            int failedHouseholds, BigDecimal onScheduleShare, int incomeHouseholds, Long incomePrevFen,
                            Long incomeYearFen, BigDecimal incomeGrowth, int visits, BigDecimal visitsPerHousehold,
                            int objectionsUpheld, String pointsRatingLabel, String rankLabel, int findingsUpheld) {
    }

    public record RunView(String countyCode, String county, int year, Instant runAt, String runBy, int runs,
                          List<ScoreView> cadres, List<ScoreView> units) {
    }

    @PostMapping("/api/assessment/scoring")
    public ResponseEntity<RunView> run(@RequestParam(required = false) String county,
            @RequestParam(required = false) String year, @RequestParam(defaultValue = "false") boolean replace,
            Authentication user) {
        Region where = scoring.county(county);
        int scoredYear = scoring.year(year);
        if (!RegionScope.memberOf(user, groups.of(where.getCode(), OfficialRole.COUNTY.key()))) {
            throw new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden", Map.of("county",
                    "only the county poverty-alleviation office of " + where.getCode() + " runs its scoring"));
        }
        ScoringService.Result result = scoring.run(where.getCode(), scoredYear, replace, user.getName());
        RunView view = view(result);
        URI location = URI.create("/api/assessment/scoring?region=" + where.getCode() + "&year=" + scoredYear);
        return result.replaced() ? ResponseEntity.ok().location(location).body(view)
                : ResponseEntity.created(location).body(view);
    }

    /** The results of the counties in the region (a county or above) for the year; none yet is an empty list. */
    @GetMapping("/api/assessment/scoring")
    public List<RunView> results(@RequestParam(required = false) String region,
            @RequestParam(required = false) String year, Authentication user) {
        return readable(region, year, user);
    }

    /** The same results as an Excel workbook: a sheet of cadres and one of units, every figure and cap a column. */
    @GetMapping("/api/assessment/scoring.xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String region,
            @RequestParam(required = false) String year, Authentication user) {
        List<RunView> runs = readable(region, year, user);
        Region where = regions.get(region.trim());
        return org.precisionaid.web.Spreadsheets.attachment("scoring-" + where.getCode() + "-" + scoring.year(year)
                + ".xlsx", workbook.xlsx(where, scoring.year(year), runs));
    }

    private List<RunView> readable(String region, String year, Authentication user) {
        if (region == null || region.isBlank()) {
            throw FieldRuleException.invalid(Map.of("region", "is required: a county code or above"));
        }
        Region where = regions.get(region.trim());
        if (!where.getLevel().isAbove(RegionLevel.TOWNSHIP)) {
            throw FieldRuleException.invalid(Map.of("region", "'" + region + "' is a " + where.getLevel().label()
                    + " code; cadres and units are scored per county: give a county code or above"));
        }
        int scoredYear = scoring.year(year);
        RegionScope scope = RegionScope.of(user);
        if (!scope.covers(where.getCode())) {
            throw new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                    Map.of("region", where.getCode() + " lies outside your region " + scope.prefixes()));
        }
        return scoring.results(where.code().prefix(where.getLevel()), scoredYear).stream().map(this::view).toList();
    }

    private RunView view(ScoringService.Result result) {
        Map<Long, String[]> cadres = new HashMap<>();
        Map<Long, String> units = new HashMap<>();
        jdbc.query("select id, name, name_latin, cadre_rank from cadre where county_code = ?",
                row -> { cadres.put(row.getLong(1), new String[] {row.getString(2), row.getString(3), row.getString(4)}); },
                result.run().getCountyCode());
        jdbc.query("select distinct u.id, u.name from assisting_unit u join assistance_score s on s.unit_id = u.id"
                + " where s.run_id = ?", row -> { units.put(row.getLong(1), row.getString(2)); }, result.run().getId());
        List<ScoreView> cadreViews = result.scores().stream().filter(s -> s.getKind() == AssistanceScore.Kind.CADRE)
                .map(s -> view(s, cadres.getOrDefault(s.getCadreId(), new String[3]), units)).toList();
        List<ScoreView> unitViews = result.scores().stream().filter(s -> s.getKind() == AssistanceScore.Kind.UNIT)
                .map(s -> view(s, new String[3], units)).toList();
        Region county = regions.get(result.run().getCountyCode());
        return new RunView(county.getCode(), county.label(), result.run().getYear(), result.run().getRunAt(),
                result.run().getRunBy(), result.run().getRuns(), cadreViews, unitViews);
    }

    private static String rankLabel(String rank) {
        return java.util.Arrays.stream(org.precisionaid.assistance.CadreRank.values())
                .filter(r -> r.name().equals(rank)).map(org.precisionaid.assistance.CadreRank::label).findFirst()
                .orElse(rank);
    }

    private static ScoreView view(AssistanceScore s, String[] cadre, Map<Long, String> units) {
        return new ScoreView(s.getKind().name(), s.getCadreId(), cadre[0], cadre[1], cadre[2], s.getUnitId(),
                units.get(s.getUnitId()), s.getRating(), ScoringRules.label(s.getKind(), s.getRating()), s.getPoints(),
                s.getPointsRating(), s.getCapReason(), s.getPairedHouseholds(), s.getDueHouseholds(),
                s.getExitedOnSchedule(), s.getFailedHouseholds(), s.getOnScheduleShare(), s.getIncomeHouseholds(),
                s.getIncomePrevFen(), s.getIncomeYearFen(), s.getIncomeGrowth(), s.getVisits(),
                s.getVisitsPerHousehold(), s.getObjectionsUpheld(), ScoringRules.label(s.getKind(), s.getPointsRating()),
                rankLabel(cadre[2]), s.getFindingsUpheld());
    }
}
