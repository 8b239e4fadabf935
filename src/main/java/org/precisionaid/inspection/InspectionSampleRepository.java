package org.precisionaid.inspection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InspectionSampleRepository extends JpaRepository<InspectionSample, Long> {

    List<InspectionSample> findByRoundIdOrderByPosition(long roundId);

    Optional<InspectionSample> findByRoundIdAndPosition(long roundId, int position);
}
