package org.precisionaid.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.precisionaid.project.Money;
import org.precisionaid.web.input.Numbers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 农民人均纯收入目标: the per-capita net income a county aims at in a year (table {@code income_target}, read by the
 * income-targets report through {@link IncomeTargets}). Officials of the county, above it and below it read it; the
 * county poverty-alleviation office of that county (or an administrator) sets it.
 */
@RestController
public class IncomeTargetController {

    /** Up to 999,999.99 yuan a person and year: beyond it a typo, not a target. */
    static final int PRECISION = 8;
    static final int SCALE = 2;
    static final int SOURCE_LENGTH = 256;

    private final JdbcTemplate jdbc;
    private final TargetInput input;
    private final Clock clock;

    IncomeTargetController(JdbcTemplate jdbc, TargetInput input, Clock clock) {
        this.jdbc = jdbc;
        this.input = input;
        this.clock = clock;
    }

    /** What the page shows: the target (null: none set, the poverty line applies) and whether the caller may set it. */
    public record TargetView(String countyCode, int year, BigDecimal perCapitaNetYuan, String source, String updatedBy,
                             Instant updatedAt, boolean canEdit) {
    }

    public record TargetChange(BigDecimal perCapitaNetYuan, String source) {
    }

    @GetMapping("/api/income-targets")
    public TargetView read(@RequestParam(required = false) String county, @RequestParam(required = false) String year,
            Authentication user) {
        TargetInput.CountyYear asked = input.toRead(county, year, user);
        return view(asked.county(), asked.year(), user);
    }

    @PutMapping("/api/income-targets/{countyCode}/{year}")
    @Transactional
    public TargetView write(@PathVariable String countyCode, @PathVariable String year,
            @RequestBody TargetChange body, Authentication user) {
        TargetInput.CountyYear asked = input.toWrite(countyCode, year, user, "sets its income targets");
        String code = asked.county();
        int targetYear = asked.year();
        Map<String, String> errors = new LinkedHashMap<>();
        Long fen = null;
        if (Numbers.positive(body.perCapitaNetYuan(), "perCapitaNetYuan", PRECISION, SCALE, errors)) {
            fen = Money.fen(body.perCapitaNetYuan());
        }
        String source = body.source() == null ? "" : body.source().strip();
        if (source.isEmpty()) {
            errors.put("source", "is required: who set the target, e.g. 县政府2026年工作报告 / County work report 2026");
        } else if (source.length() > SOURCE_LENGTH) {
            errors.put("source", "at most " + SOURCE_LENGTH + " characters");
        }
        TargetInput.throwIfAny(errors);
        Timestamp now = Timestamp.from(clock.instant());
        String by = user.getName();
        if (!update(code, targetYear, fen, source, by, now)) {
            try {
                jdbc.update("insert into income_target (county_code, target_year, per_capita_net_fen, source,"
                        + " updated_by, updated_at) values (?, ?, ?, ?, ?, ?)", code, targetYear, fen, source, by, now);
            } catch (DuplicateKeyException raced) {
                update(code, targetYear, fen, source, by, now); // set at the same moment by another request: ours last
            }
        }
        return view(code, targetYear, user);
    }

    private boolean update(String code, int year, long fen, String source, String by, Timestamp now) {
        return jdbc.update("update income_target set per_capita_net_fen = ?, source = ?, updated_by = ?, updated_at = ?"
                + " where county_code = ? and target_year = ?", fen, source, by, now, code, year) > 0;
    }

    private TargetView view(String code, int year, Authentication user) {
        List<TargetView> found = jdbc.query("select per_capita_net_fen, source, updated_by, updated_at from income_target"
                + " where county_code = ? and target_year = ?", (rs, i) -> new TargetView(code, year,
                        Money.yuan(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        TargetInput.editable(code, user)), code, year);
        return found.isEmpty() ? new TargetView(code, year, null, null, null, null, TargetInput.editable(code, user))
                : found.get(0);
    }
}
