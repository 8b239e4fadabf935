package org.precisionaid.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IncomeEntryRepository extends JpaRepository<IncomeEntry, Long> {

    List<IncomeEntry> findByHouseholdIdAndYearOrderByEntryDateAscIdAsc(long householdId, int year);
}
