package org.precisionaid.village;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VillageExitRepository extends JpaRepository<VillageExit, Long> {

    Optional<VillageExit> findByExitNo(String exitNo);

    List<VillageExit> findByVillageCodeAndStatusIn(String villageCode, Collection<VillageExit.Status> statuses);

    long countByVillageCodeAndExitYear(String villageCode, int exitYear);

    List<VillageExit> findByVillageCodeOrderByAppliedAtDesc(String villageCode);

    @Query("""
            select e from VillageExit e where e.villageCode like concat(:prefix, '%') and e.status = :status
            order by e.villageCode""")
    List<VillageExit> findInRegion(@Param("prefix") String prefix, @Param("status") VillageExit.Status status);
}
