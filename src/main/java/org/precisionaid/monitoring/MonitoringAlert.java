package org.precisionaid.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A department's alert (部门预警) about a member of a household, kept with the monitoring case it opened or was
 * attached to: which department, what happened, the amount and the date, and the row of the uploaded list.
 */
@Entity
@Table(name = "monitoring_alert")
public class MonitoringAlert {

    /** The departments whose screening lists a county office uploads. */
    public enum Department {
        MEDICAL_INSURANCE("医疗保障局 / Medical insurance bureau"),
        CIVIL_AFFAIRS("民政局 / Civil affairs bureau"),
        EMERGENCY_MANAGEMENT("应急管理局 / Emergency management bureau"),
        HUMAN_RESOURCES("人力资源和社会保障局 / Human resources and social security bureau"),
        PUBLIC_SECURITY("公安局 / Public security bureau");

        private final String label;

        Department(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the department saw. */
    public enum Kind {
        LARGE_MEDICAL_EXPENSES("大额医疗支出 / Large medical expenses"),
        DISASTER_LOSS("灾害损失 / Disaster loss"),
        UNEMPLOYMENT("失业 / Unemployment"),
        DEATH("死亡 / A death"),
        SUBSISTENCE_LOST("退出低保 / Loss of subsistence allowance");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The kind a cell names: its code, its drop-down label, or either half of the label; any case. */
        public static Optional<Kind> of(String text) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(kind -> kind.name().toLowerCase(Locale.ROOT).equals(wanted)
                    || kind.label.toLowerCase(Locale.ROOT).equals(wanted)
                    || Arrays.stream(kind.label.split(" / ")).anyMatch(half -> half.trim().toLowerCase(Locale.ROOT)
                            .equals(wanted))).findFirst();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "monitoring_alert_seq")
    @SequenceGenerator(name = "monitoring_alert_seq", sequenceName = "monitoring_alert_seq", allocationSize = 50)
    private Long id;
    @Column(name = "monitoring_case_id", nullable = false)
    private long monitoringCaseId;
    @Enumerated(EnumType.STRING)
    private Department department;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private BigDecimal amount;
    @Column(name = "alert_date", nullable = false)
    private LocalDate alertDate;
    @Column(name = "opened_case", nullable = false)
    private boolean openedCase;
    @Column(name = "file_row", nullable = false)
    private int fileRow;
    @Column(name = "imported_by", nullable = false)
    private String importedBy;
    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected MonitoringAlert() {
    }

    MonitoringAlert(long monitoringCaseId, Department department, Kind kind, BigDecimal amount, LocalDate alertDate,
            boolean openedCase, int fileRow, String importedBy, Instant importedAt) {
        this.monitoringCaseId = monitoringCaseId;
        this.department = department;
        this.kind = kind;
        this.amount = amount;
        this.alertDate = alertDate;
        this.openedCase = openedCase;
        this.fileRow = fileRow;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    public Long getId() { return id; }
    public long getMonitoringCaseId() { return monitoringCaseId; }
    public Department getDepartment() { return department; }
    public Kind getKind() { return kind; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getAlertDate() { return alertDate; }
    public boolean isOpenedCase() { return openedCase; }
    public int getFileRow() { return fileRow; }
    public String getImportedBy() { return importedBy; }
    public Instant getImportedAt() { return importedAt; }
}
