package org.precisionaid.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The county's poverty-alleviation funds of a year per source: available, committed by approved projects, remaining. */
@RestController
@RequestMapping("/api/funds")
public class FundController {

    private final FundBook funds;
    private final FundSourceRepository sources;

    public FundController(FundBook funds, FundSourceRepository sources) {
        this.funds = funds;
        this.sources = sources;
    }

    public record SourceFunds(String fundSource, String label, BigDecimal available, BigDecimal committed,
                              BigDecimal remaining) {
    }

    @GetMapping
    public List<SourceFunds> of(@RequestParam String county, @RequestParam int year, Authentication user) {
        RegionCode code = RegionCode.of(county);
        if (code.level() != RegionLevel.COUNTY) {
            throw FieldRuleException.invalid(Map.of("county", "'" + county + "' is not a county code"));
        }
        if (!RegionScope.of(user).covers(county)) {
            throw new FieldRuleException(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden",
                    "无权限 / Forbidden", Map.of("county", "outside your region"));
        }
        return sources.findAllByOrderByPosition().stream().map(source -> {
            long available = funds.available(county, source.getCode(), year);
            long remaining = funds.remaining(county, source.getCode(), year, 0);
            return new SourceFunds(source.getCode(), source.label(), Money.yuan(available),
                    Money.yuan(available - remaining), Money.yuan(remaining));
        }).toList();
    }
}
