package org.precisionaid.project;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** What the project delivers: "30 sheep", "4.2 km canal". */
@Entity
@Table(name = "project_output")
public class ProjectOutput extends ProjectPart {

    private int position;
    private String description;
    private BigDecimal quantity;
    private String unit;

    protected ProjectOutput() {
    }

    ProjectOutput(Project project, int position, String description, BigDecimal quantity, String unit) {
        super(project);
        this.position = position;
        this.description = description;
        this.quantity = quantity;
        this.unit = unit;
    }

    public int getPosition() { return position; }
    public String getDescription() { return description; }
    public BigDecimal getQuantity() { return quantity; }
    public String getUnit() { return unit; }
}
