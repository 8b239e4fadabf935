package org.precisionaid.report;

import java.util.EnumSet;
import java.util.Set;
import org.precisionaid.project.ProjectCodes.ProjectType;

/**
 * Which project types the "industrial project layout map" and the "infrastructure layout map" of §26 show (ADR 0016).
 * Types of neither kind (schooling, health, culture, science, social assistance) appear on the map as public services.
 */
public enum ProjectCategory {
    INDUSTRIAL("产业项目 / Industrial", EnumSet.of(ProjectType.INDUSTRY, ProjectType.AGRI_PROCESSING,
            ProjectType.NEW_BUSINESS_ENTITIES, ProjectType.RURAL_ECOMMERCE, ProjectType.MICRO_CREDIT,
            ProjectType.TRAINING)),
    INFRASTRUCTURE("基础设施项目 / Infrastructure", EnumSet.of(ProjectType.WATER, ProjectType.ROADS,
            ProjectType.HOUSING, ProjectType.ELECTRICITY, ProjectType.BROADBAND, ProjectType.VILLAGE_APPEARANCE,
            ProjectType.LAND_IMPROVEMENT, ProjectType.ECOLOGY)),
    PUBLIC_SERVICES("公共服务项目 / Public services", EnumSet.of(ProjectType.EDUCATION, ProjectType.HEALTH,
            ProjectType.CULTURE, ProjectType.SCIENCE, ProjectType.SOCIAL_ASSISTANCE));

    private final String label;
    private final Set<ProjectType> types;

    ProjectCategory(String label, Set<ProjectType> types) {
        this.label = label;
        this.types = types;
    }

    public String label() {
        return label;
    }

    public static ProjectCategory of(ProjectType type) {
        for (ProjectCategory category : values()) {
            if (category.types.contains(type)) {
                return category;
            }
        }
        throw new IllegalStateException("project type " + type + " belongs to no report category");
    }
}
