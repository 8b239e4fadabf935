package org.precisionaid.inspection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InspectionFindingRepository extends JpaRepository<InspectionFinding, Long> {

    List<InspectionFinding> findByRoundIdOrderById(long roundId);

    Optional<InspectionFinding> findByFindingNo(String findingNo);
}
