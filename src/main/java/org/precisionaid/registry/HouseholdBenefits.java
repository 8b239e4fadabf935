package org.precisionaid.registry;

import java.util.List;

/** The projects that benefit a household, told by the project registry (funding) without the registry knowing it. */
public interface HouseholdBenefits {

    List<HouseholdView.ProjectBenefit> of(long householdId);
}
