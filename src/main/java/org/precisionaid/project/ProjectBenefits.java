package org.precisionaid.project;

import java.util.List;
import org.precisionaid.registry.HouseholdBenefits;
import org.precisionaid.registry.HouseholdView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the household registry which projects benefit a household ({@code GET /api/households/{no}}). */
@Component
public class ProjectBenefits implements HouseholdBenefits {

    private final ProjectRepository projects;

    public ProjectBenefits(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HouseholdView.ProjectBenefit> of(long householdId) {
        return projects.benefitsOf(householdId).stream().map(b -> new HouseholdView.ProjectBenefit(
                b.getProject().getProjectNo(), b.getProject().getName(), b.getProject().getType().name(),
                b.getProject().getStatus().name(), b.getBenefit(),
                b.getAmountFen() == null ? null : Money.yuan(b.getAmountFen()))).toList();
    }
}
