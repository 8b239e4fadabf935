package org.precisionaid.inspection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InspectionRoundRepository extends JpaRepository<InspectionRound, Long> {

    Optional<InspectionRound> findByRoundNo(String roundNo);

    @Query("select r from InspectionRound r where r.regionCode like concat(?1, '%') order by r.id desc")
    List<InspectionRound> findInRegion(String regionPrefix);
}
