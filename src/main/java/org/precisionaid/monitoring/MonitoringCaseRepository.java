package org.precisionaid.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MonitoringCaseRepository extends JpaRepository<MonitoringCase, Long> {

    Optional<MonitoringCase> findByCaseNo(String caseNo);

    Optional<MonitoringCase> findByOpenHouseholdId(Long householdId);

    List<MonitoringCase> findByHouseholdIdOrderById(long householdId);

    List<MonitoringCase> findByVillageCodeAndNoticeEndsAfterOrderByCaseNo(String villageCode, java.time.Instant now);
}
