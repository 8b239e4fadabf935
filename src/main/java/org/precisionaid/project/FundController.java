package org.precisionaid.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.security.core.Authentication;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.web.input.Numbers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The county's poverty-alleviation funds of a year per source: available, committed by approved projects, remaining. */
@RestController
@RequestMapping("/api/funds")
public class FundController {

    /** Up to 9,999,999,999.99 yuan of one source in a county and year. */
    static final int PRECISION = 12;
    static final int SCALE = 2;
    static final int FIRST_YEAR = 2000;
    static final int YEARS_AHEAD = 10;

    private final FundBook funds;
    private final FundSourceRepository sources;
    private final java.time.Clock clock;
    private final org.precisionaid.region.RegionService regions;

    public FundController(FundBook funds, FundSourceRepository sources, java.time.Clock clock,
            org.precisionaid.region.RegionService regions) {
        this.funds = funds;
        this.sources = sources;
        this.clock = clock;
        this.regions = regions;
    }

    public record AvailableChange(BigDecimal available) {
    }

    /** One source's funds; {@code canEdit}: the caller may set what is available (the page shows its form). */
    public record SourceFunds(String fundSource, String label, BigDecimal available, BigDecimal committed,
                              BigDecimal remaining, boolean canEdit) {
    }

    @GetMapping
    public List<SourceFunds> of(@RequestParam String county, @RequestParam int year, Authentication user) {
        RegionCode code = RegionCode.of(county);
        if (code.level() != RegionLevel.COUNTY) {
            throw FieldRuleException.invalid(Map.of("county", "'" + county + "' is not a county code"));
        }
        if (!RegionScope.of(user).covers(county)) {
            throw forbidden("county", "outside your region");
        }
        return list(county, year, user);
    }

    /**
     * The county finance bureau or poverty-alleviation office sets what the county may commit from a source in a year;
     * never below what approved projects already committed.
     */
    @PutMapping("/{county}/{year}/{source}")
    public List<SourceFunds> setAvailable(@PathVariable String county, @PathVariable String year,
            @PathVariable String source, @RequestBody AvailableChange body, Authentication user) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        RegionCode code = RegionCode.of(county, "county");
        if (code.level() != RegionLevel.COUNTY) {
            errors.put("county", "'" + county + "' is not a county code");
        } else if (!regions.exists(county)) {
            errors.put("county", county + " is not a known county");
        }
        int thisYear = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).getYear();
        int fundYear = year.matches("\\d{4}") ? Integer.parseInt(year) : -1;
        if (fundYear < FIRST_YEAR || fundYear > thisYear + YEARS_AHEAD) {
            errors.put("year", "must be a year between " + FIRST_YEAR + " and " + (thisYear + YEARS_AHEAD));
        }
        if (!sources.existsById(source)) {
            errors.put("source", "is not a fund source (known: " + String.join(", ", sources.findAllByOrderByPosition()
                    .stream().map(FundSource::getCode).toList()) + ")");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        if (!mayEdit(county, user)) {
            throw forbidden("county", "only the finance bureau or the poverty-alleviation office of " + county
                    + " sets its available funds");
        }
        BigDecimal amount = body.available();
        String rule = amount == null ? "is required" : amount.signum() < 0 ? "must not be negative"
                : Numbers.outOfRange(amount, PRECISION - SCALE, SCALE);
        if (rule != null) {
            errors.put("available", rule);
        } else {
            String refused = funds.changeAvailable(county, source, fundYear, Money.fen(body.available()));
            if (refused != null) {
                errors.put("available", refused);
            }
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        return list(county, fundYear, user);
    }

    private static FieldRuleException forbidden(String field, String why) {
        return new FieldRuleException(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                Map.of(field, why));
    }

    private static boolean mayEdit(String county, Authentication user) {
        String digits = county.substring(0, 6);
        return RegionScope.memberOf(user, OfficialRole.FINANCE.key() + "-" + digits)
                || RegionScope.memberOf(user, OfficialRole.COUNTY.key() + "-" + digits);
    }

    private List<SourceFunds> list(String county, int year, Authentication user) {
        boolean canEdit = mayEdit(county, user);
        return sources.findAllByOrderByPosition().stream().map(source -> {
            long available = funds.available(county, source.getCode(), year);
            long remaining = funds.remaining(county, source.getCode(), year, 0);
            return new SourceFunds(source.getCode(), source.label(), Money.yuan(available),
                    Money.yuan(available - remaining), Money.yuan(remaining), canEdit);
        }).toList();
    }
}
