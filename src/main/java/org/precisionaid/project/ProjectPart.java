package org.precisionaid.project;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

/** A row that belongs to one project (output, budget line, beneficiary, decision, progress report). */
@MappedSuperclass
abstract class ProjectPart {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_part_seq")
    @SequenceGenerator(name = "project_part_seq", sequenceName = "project_part_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    private Project project;

    protected ProjectPart() {
    }

    ProjectPart(Project project) {
        this.project = project;
    }

    public Long getId() { return id; }
    public Project getProject() { return project; }
}
