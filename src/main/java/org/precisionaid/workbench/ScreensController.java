package org.precisionaid.workbench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.precisionaid.region.OfficialRole;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which of the county office's year screens an official uses, and where he may act on them, from his groups: the
 * workbench links only these, and each screen shows its buttons only where he may press them. This only hides what
 * he has no use for; every write is checked again by its endpoint (403 naming the field).
 */
@RestController
public class ScreensController {

    private static final String GROUP = "GROUP_";
    /** Who reads village files (村档): the village itself and the offices above it that review its exit. */
    private static final Set<OfficialRole> VILLAGE_FILES = EnumSet.of(OfficialRole.CLERK, OfficialRole.VILLAGE,
            OfficialRole.TOWNSHIP, OfficialRole.COUNTY, OfficialRole.CITY, OfficialRole.AUDITOR);
    /** Who follows the year's assessment: the county office that starts it, the townships that act on its findings. */
    private static final Set<OfficialRole> ASSESSMENT = EnumSet.of(OfficialRole.TOWNSHIP, OfficialRole.COUNTY,
            OfficialRole.CITY, OfficialRole.AUDITOR);
    /** Who reads the scoring: it is per county, so the county office and those above it. */
    private static final Set<OfficialRole> SCORING = EnumSet.of(OfficialRole.COUNTY, OfficialRole.CITY,
            OfficialRole.AUDITOR);
    /** Who keeps or reads the county's cadres and a household's pairing (issue #22): the county office, the city office
     * above it, the townships; the quotas per rank: the county and city offices (AssistanceController checks writes). */
    private static final Set<OfficialRole> CADRES = EnumSet.of(OfficialRole.TOWNSHIP, OfficialRole.COUNTY,
            OfficialRole.CITY);
    private static final Set<OfficialRole> QUOTAS = EnumSet.of(OfficialRole.COUNTY, OfficialRole.CITY);
    /** Who plans or follows inspection rounds (issue #24): the county and city offices, the auditors, the inspectors;
     * never the inspected township or village (the rounds are unannounced). */
    private static final Set<OfficialRole> INSPECTIONS = EnumSet.of(OfficialRole.COUNTY, OfficialRole.CITY,
            OfficialRole.AUDITOR, OfficialRole.INSPECTOR);

    /**
     * @param countyOffices counties whose assessment he starts and whose cadres he scores (12-digit codes)
     * @param keepsVillageFiles villages whose file he edits (their clerk or committee)
     */
    public record Screens(boolean villageFiles, boolean assessment, boolean scoring, List<String> countyOffices,
                          List<String> keepsVillageFiles, boolean administrator, boolean cadres, boolean pairing,
                          boolean quotas, boolean inspections) {
    }

    private record Membership(OfficialRole role, String region) {
    }

    @GetMapping("/api/workbench/screens")
    public Screens screens(Authentication user) {
        boolean admin = user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        List<Membership> memberships = new ArrayList<>();
        user.getAuthorities().forEach(authority -> {
            Membership membership = membership(authority.getAuthority());
            if (membership != null) {
                memberships.add(membership);
            }
        });
        return new Screens(admin || memberships.stream().anyMatch(m -> VILLAGE_FILES.contains(m.role())),
                admin || memberships.stream().anyMatch(m -> ASSESSMENT.contains(m.role())),
                admin || memberships.stream().anyMatch(m -> SCORING.contains(m.role())),
                memberships.stream().filter(m -> m.role() == OfficialRole.COUNTY).map(Membership::region).toList(),
                memberships.stream().filter(m -> m.role() == OfficialRole.CLERK || m.role() == OfficialRole.VILLAGE)
                        .map(Membership::region).distinct().toList(),
                admin,
                admin || memberships.stream().anyMatch(m -> CADRES.contains(m.role())),
                admin || memberships.stream().anyMatch(m -> CADRES.contains(m.role())),
                admin || memberships.stream().anyMatch(m -> QUOTAS.contains(m.role())),
                admin || memberships.stream().anyMatch(m -> INSPECTIONS.contains(m.role())));
    }

    /** {@code GROUP_township-654224101} → township of 654224101000; anything else (camunda-admin, …) → null. */
    private static Membership membership(String authority) {
        if (authority == null || !authority.startsWith(GROUP)) {
            return null;
        }
        String group = authority.substring(GROUP.length());
        int dash = group.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        String digits = group.substring(dash + 1);
        OfficialRole role;
        try {
            role = OfficialRole.fromKey(group.substring(0, dash));
        } catch (RuntimeException notARole) {
            return null;
        }
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return new Membership(role, (digits + "000000000000").substring(0, 12));
    }
}
