package org.precisionaid.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.precisionaid.registry.Codes.Education;
import org.precisionaid.registry.Codes.Health;
import org.precisionaid.registry.Codes.LabourCapacity;
import org.precisionaid.registry.Codes.Relation;
import org.precisionaid.registry.Codes.Sex;

@Entity
@Table(name = "household_member")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_seq")
    @SequenceGenerator(name = "member_seq", sequenceName = "member_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "household_id")
    private Household household;

    private int position;
    private String name;
    @Column(name = "id_number")
    private String idNumber;
    @Enumerated(EnumType.STRING)
    private Relation relation;
    /** Derived from the ID number, never typed. */
    @Enumerated(EnumType.STRING)
    private Sex sex;
    /** Derived from the ID number, never typed. */
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    private Health health;
    @Enumerated(EnumType.STRING)
    private Education education;
    @Enumerated(EnumType.STRING)
    @Column(name = "labour_capacity")
    private LabourCapacity labourCapacity;

    protected Member() {
    }

    Member(Household household, int position, String name, ResidentId id, Relation relation, Health health,
            Education education, LabourCapacity labourCapacity) {
        this.household = household;
        this.position = position;
        this.name = name;
        this.idNumber = id.value();
        this.sex = id.sex();
        this.birthDate = id.birthDate();
        this.relation = relation;
        this.health = health;
        this.education = education;
        this.labourCapacity = labourCapacity;
    }

    public boolean isHead() {
        return relation == Relation.HEAD;
    }

    public Long getId() { return id; }
    public Household getHousehold() { return household; }
    public int getPosition() { return position; }
    public String getName() { return name; }
    public String getIdNumber() { return idNumber; }
    public Relation getRelation() { return relation; }
    public Sex getSex() { return sex; }
    public LocalDate getBirthDate() { return birthDate; }
    public Health getHealth() { return health; }
    public Education getEducation() { return education; }
    public LabourCapacity getLabourCapacity() { return labourCapacity; }
}
