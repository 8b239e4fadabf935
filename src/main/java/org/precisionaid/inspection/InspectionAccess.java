package org.precisionaid.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.RegionCode;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who plans and who reads inspection rounds. Rounds are unannounced: the inspected townships and villages (and the
 * bureaus and cadres) never read a round or its sample; they learn of a finding through their rectification task.
 */
final class InspectionAccess {

    /** Roles that plan a round of their region: the county or city office, or the auditors (issue #24). */
    static final List<OfficialRole> PLANNERS = List.of(OfficialRole.COUNTY, OfficialRole.CITY, OfficialRole.AUDITOR);
    /** Roles that read rounds: the planners and the inspectors. */
    static final List<OfficialRole> READERS = List.of(OfficialRole.COUNTY, OfficialRole.CITY, OfficialRole.AUDITOR,
            OfficialRole.INSPECTOR);
    /** The Spring authority of a Camunda group (as {@code CamundaIdentityAuthenticationProvider} names it). */
    private static final String GROUP = "GROUP_";

    private InspectionAccess() {
    }

    /** A county office, city office or auditor whose region holds the round's region; 403 naming regionCode otherwise. */
    static void checkPlanner(Authentication user, RegionCode region) {
        for (String prefix : prefixes(user, PLANNERS)) {
            if (region.value().startsWith(prefix)) {
                return;
            }
        }
        if (RegionScope.of(user).everything()) {
            return;
        }
        throw forbidden("regionCode", "only the county or city poverty-alleviation office or the auditors of "
                + region.value() + " plan an inspection round there");
    }

    /**
     * The prefixes of the round's households the caller reads: all of the round when his region holds it; the part in
     * his county when he inspects (or oversees) only part of a wider round; 403 naming roundNo when none.
     */
    static List<String> readable(Authentication user, String roundRegion) {
        if (RegionScope.of(user).everything()) {
            return List.of("");
        }
        List<String> readable = new ArrayList<>();
        for (String prefix : prefixes(user, READERS)) {
            if (roundRegion.startsWith(prefix)) {
                return List.of(roundRegion);
            }
            if (prefix.startsWith(RegionCode.of(roundRegion).prefix(RegionCode.of(roundRegion).level()))) {
                readable.add(prefix);
            }
        }
        if (readable.isEmpty()) {
            throw forbidden("roundNo", "inspection rounds are read only by the county or city office, the auditors and "
                    + "the inspectors of their region; the inspected townships and villages do not see the sample");
        }
        return readable;
    }

    /** The region prefixes of the caller's groups of these roles (e.g. {@code inspector-654224} → 654224). */
    static List<String> prefixes(Authentication user, List<OfficialRole> roles) {
        List<String> prefixes = new ArrayList<>();
        for (GrantedAuthority authority : user.getAuthorities()) {
            String name = authority.getAuthority();
            for (OfficialRole role : roles) {
                String start = GROUP + role.key() + "-";
                if (name.startsWith(start) && name.substring(start.length()).chars().allMatch(Character::isDigit)) {
                    prefixes.add(name.substring(start.length()));
                }
            }
        }
        return prefixes;
    }

    static boolean covers(List<String> prefixes, String code) {
        return prefixes.stream().anyMatch(code::startsWith);
    }

    static FieldRuleException forbidden(String field, String rule) {
        return new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden", Map.of(field, rule));
    }

}
