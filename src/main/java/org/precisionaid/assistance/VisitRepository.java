package org.precisionaid.assistance;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VisitRepository extends JpaRepository<Visit, Long> {

    @Query("select v from Visit v where v.householdId = :householdId order by v.date desc, v.id desc")
    List<Visit> ofHousehold(@Param("householdId") long householdId, Pageable page);

    @Query("select v from Visit v where v.cadreId = :cadreId order by v.date desc, v.id desc")
    List<Visit> ofCadre(@Param("cadreId") long cadreId, Pageable page);
}
