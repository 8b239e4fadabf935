package org.precisionaid.assistance;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssistingUnitRepository extends JpaRepository<AssistingUnit, Long> {

    Optional<AssistingUnit> findByRegionCodeAndName(String regionCode, String name);

    @Query("select u from AssistingUnit u where u.regionCode like concat(:prefix, '%') order by u.regionCode, u.name")
    List<AssistingUnit> findInRegion(@Param("prefix") String prefix, Pageable page);
}
