package org.precisionaid.assessment;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.registry.FileCard;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdNotFoundException;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A household's income and expenditure account over REST. Officials of the household's region read it; the clerk
 * of its village and its responsible cadre write it. Another region's household is reported as not found.
 */
@RestController
@RequestMapping("/api/households/{applicationNo}/account")
public class IncomeAccountController {

    private final IncomeAccounts accounts;
    private final HouseholdService households;
    private final AssistanceService assistance;
    private final CandidateGroups groups;
    private final Clock clock;

    public IncomeAccountController(IncomeAccounts accounts, HouseholdService households, AssistanceService assistance,
            CandidateGroups groups, Clock clock) {
        this.accounts = accounts;
        this.households = households;
        this.assistance = assistance;
        this.groups = groups;
        this.clock = clock;
    }

    @GetMapping
    public IncomeAccounts.Summary account(@PathVariable String applicationNo,
            @RequestParam(required = false) Integer year, Authentication user) {
        Household household = visible(applicationNo, user);
        int thisYear = LocalDate.now(clock).getYear();
        int wanted = year == null ? thisYear : year;
        if (wanted < 2000 || wanted > thisYear) {
            throw FieldRuleException.invalid(Map.of("year", "must be between 2000 and " + thisYear));
        }
        return accounts.summary(household.getApplicationNo(), wanted);
    }

    @PostMapping("/entries")
    public ResponseEntity<IncomeAccounts.EntryView> record(@PathVariable String applicationNo,
            @RequestBody IncomeAccounts.NewEntry entry, Authentication user) {
        Household household = visible(applicationNo, user);
        if (!RegionScope.memberOf(user, groups.of(household.getVillageCode(), "clerk")) && !isCadreOf(household, user)) {
            throw new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                    Map.of("applicationNo", "only the clerk of village " + household.getVillageCode()
                            + " or the household's responsible cadre records its account"));
        }
        IncomeEntry saved = accounts.record(applicationNo, entry, user.getName());
        return ResponseEntity.created(URI.create("/api/households/" + applicationNo + "/account?year=" + saved.getYear()))
                .body(IncomeAccounts.EntryView.of(saved));
    }

    private Household visible(String applicationNo, Authentication user) {
        Household household = households.get(applicationNo);
        if (!RegionScope.of(user).covers(household.getVillageCode()) && !isCadreOf(household, user)) {
            throw new HouseholdNotFoundException(applicationNo);
        }
        return household;
    }

    private boolean isCadreOf(Household household, Authentication user) {
        FileCard card = households.fileCard(household.getId()).orElse(null);
        return card != null && card.getCadreId() != null && assistance.cadreOfUser(user.getName())
                .map(cadre -> cadre.getId().equals(card.getCadreId())).orElse(false);
    }
}
