package org.precisionaid.inspection;

import java.util.List;
import org.precisionaid.inspection.InspectionFinding.Rectifier;
import org.precisionaid.inspection.InspectionFinding.Responsible;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.region.CandidateGroups;
import org.springframework.stereotype.Component;

/**
 * Who rectifies a finding (the rectify task's candidates, {@code bpmn/inspection-rectification.bpmn}): a project's
 * owner (its township, or for the county's own project its lead department); the township of the household's village; where the finding is the assisting unit's and the unit has liaisons (ADR 0030), the
 * liaisons alone; where it is the cadre's and he has a login, the cadre besides the township. The candidates are
 * chosen when the task is made, so the township never holds a grant on a task that is the unit's.
 */
@Component("inspectionRectifiers")
@ProcessBean
public class InspectionRectifiers {

    private final InspectionService inspections;
    private final CandidateGroups groups;

    public InspectionRectifiers(InspectionService inspections, CandidateGroups groups) {
        this.inspections = inspections;
        this.groups = groups;
    }

    public List<String> groups(long findingId) {
        InspectionFinding finding = inspections.finding(findingId);
        if (finding.getProjectId() != null) {
            return List.of(inspections.ownerGroup(finding.getProjectId(), groups));
        }
        return holder(finding) == Rectifier.UNIT ? List.of() : List.of(groups.of(finding.getVillageCode(), "township"));
    }

    public List<String> users(long findingId) {
        InspectionFinding finding = inspections.finding(findingId);
        if (holder(finding) == Rectifier.UNIT) {
            return inspections.liaisons(finding.getUnitId());
        }
        if (finding.getResponsible() == Responsible.CADRE && finding.getCadreId() != null) {
            return inspections.cadreUser(finding.getCadreId()).stream().toList();
        }
        return List.of();
    }

    /** The unit's liaisons where the unit answers and has any; the township otherwise. */
    Rectifier holder(InspectionFinding finding) {
        if (finding.getProjectId() != null) {
            return Rectifier.OWNER;
        }
        return finding.getResponsible() == Responsible.UNIT && finding.getUnitId() != null
                && !inspections.liaisons(finding.getUnitId()).isEmpty() ? Rectifier.UNIT : Rectifier.TOWNSHIP;
    }
}
