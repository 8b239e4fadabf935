package org.precisionaid.region;

import org.precisionaid.procedure.ProcessBean;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one rule that turns a region and a role into a Camunda group id: {@code <role>-<significant digits>},
 * e.g. {@code township-654224101}. Every process names its candidate groups through this bean
 * ({@code ${groups.of(regionCode, 'township')}}), so the rule cannot drift between models.
 */
@Component("groups")
@ProcessBean
public class CandidateGroups {

    /** Group of the given role responsible for the region; a village code yields its township's group for 'township'. */
    public String of(String regionCode, String role) {
        return forRegion(RegionCode.of(regionCode), OfficialRole.fromKey(role));
    }

    /** Named apart from {@link #of(String, String)}: with an overload, the models' EL would try to coerce strings. */
    public String forRegion(RegionCode region, OfficialRole role) {
        RegionLevel level = role.level() == null ? region.level() : role.level();
        if (region.level().isAbove(level)) {
            throw new RoleLevelMismatchException(region, role);
        }
        return role.key() + "-" + region.prefix(level);
    }

    /** Auditor groups that may read a case of this region: the auditors of every enclosing level from city down. */
    public List<String> auditorsOf(String regionCode) {
        RegionCode region = RegionCode.of(regionCode);
        List<String> groups = new ArrayList<>();
        for (RegionLevel level : RegionLevel.values()) {
            if (level == RegionLevel.PROVINCE || region.level().isAbove(level)) {
                continue;
            }
            groups.add(OfficialRole.AUDITOR.key() + "-" + region.prefix(level));
        }
        return groups;
    }
}
