package org.precisionaid.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MonitoringAlertRepository extends JpaRepository<MonitoringAlert, Long> {

    List<MonitoringAlert> findByMonitoringCaseIdOrderById(long monitoringCaseId);
}
