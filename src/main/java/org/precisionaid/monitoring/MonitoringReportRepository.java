package org.precisionaid.monitoring;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MonitoringReportRepository extends JpaRepository<MonitoringReport, Long> {
}
