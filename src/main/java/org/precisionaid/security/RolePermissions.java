package org.precisionaid.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.precisionaid.region.OfficialRole;

/**
 * What each role's group may do in the engine, beyond the task permissions Camunda grants to candidate
 * groups by itself. Region scoping comes from candidate groups (officials) and from per-instance grants
 * (auditors, see {@link RegionAccessGrants}); nothing here is region-wide.
 */
final class RolePermissions {

    record Grant(Resource resource, String resourceId, Permission... permissions) {
    }

    /** The cadre's work-ledger process (org.precisionaid.assistance). */
    static final String CADRE_VISIT = "cadreVisit";
    /** A line of a household's income account, written by its village clerk or its cadre (org.precisionaid.assessment). */
    static final String INCOME_ENTRY = "incomeEntry";
    /** The county office starts the year's assessment of its county (org.precisionaid.assessment). */
    static final String ANNUAL_ASSESSMENT_START = "annualAssessmentStart";

    private RolePermissions() {
    }

    /**
     * @param startableByClerk process keys a clerk may start (where every case begins)
     * @param startableByTownshipAndCounty process keys township and county officials may start (a township or
     *        county applies for a project of its own, issue #10)
     */
    static List<Grant> of(OfficialRole role, List<String> startableByClerk, List<String> startableByTownshipAndCounty) {
        List<Grant> grants = new ArrayList<>();
        if (role == OfficialRole.AUDITOR) {
            grants.add(new Grant(Resources.APPLICATION, "cockpit", ACCESS));
            grants.add(new Grant(Resources.PROCESS_DEFINITION, "*", READ));
            grants.add(new Grant(Resources.DECISION_DEFINITION, "*", READ));
            grants.add(new Grant(Resources.DEPLOYMENT, "*", READ));
            return grants;
        }
        grants.add(new Grant(Resources.APPLICATION, "tasklist", ACCESS));
        if (role == OfficialRole.CADRE) {
            // his own work ledger: he starts cadreVisit from Tasklist and is the assignee of its one task
            grants.add(new Grant(Resources.PROCESS_INSTANCE, "*", CREATE));
            grants.add(new Grant(Resources.PROCESS_DEFINITION, CADRE_VISIT, READ, CREATE_INSTANCE));
            grants.add(new Grant(Resources.PROCESS_DEFINITION, INCOME_ENTRY, READ, CREATE_INSTANCE));
            return grants;
        }
        grants.add(new Grant(Resources.PROCESS_DEFINITION, "*", READ));
        List<String> startable = new ArrayList<>(switch (role) {
            case CLERK -> startableByClerk;
            case TOWNSHIP, COUNTY -> startableByTownshipAndCounty;
            default -> List.<String>of();
        });
        if (role == OfficialRole.CLERK) {
            startable.add(INCOME_ENTRY);
        }
        if (role == OfficialRole.COUNTY) {
            startable.add(ANNUAL_ASSESSMENT_START);
        }
        if (!startable.isEmpty()) {
            grants.add(new Grant(Resources.PROCESS_INSTANCE, "*", CREATE));
            startable.forEach(key -> grants.add(new Grant(Resources.PROCESS_DEFINITION, key, READ, CREATE_INSTANCE)));
        }
        return grants;
    }
}
