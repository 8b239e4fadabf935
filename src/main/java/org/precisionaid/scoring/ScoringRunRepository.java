package org.precisionaid.scoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ScoringRunRepository extends JpaRepository<ScoringRun, Long> {

    Optional<ScoringRun> findByCountyCodeAndYear(String countyCode, int year);

    @Query("select r from ScoringRun r where r.countyCode like concat(:prefix, '%') and r.year = :year order by r.countyCode")
    List<ScoringRun> findInRegion(@Param("prefix") String prefix, @Param("year") int year);
}
