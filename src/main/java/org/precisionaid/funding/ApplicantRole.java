package org.precisionaid.funding;

import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.RegionCode;
import org.springframework.stereotype.Component;

/**
 * Who applies for a project of a region, corrects it when returned and reports its progress: the village clerk for a
 * village, the township official for a township, the county office for the county's own projects.
 */
@Component("fundingApplicants")
public class ApplicantRole {

    private final CandidateGroups groups;

    public ApplicantRole(CandidateGroups groups) {
        this.groups = groups;
    }

    public static String of(String regionCode) {
        return switch (RegionCode.of(regionCode).level()) {
            case VILLAGE -> "clerk";
            case TOWNSHIP -> "township";
            default -> "county";
        };
    }

    public String groupOf(String regionCode) {
        return groups.of(regionCode, of(regionCode));
    }
}
