package org.precisionaid.project;

import java.util.Optional;
import org.precisionaid.procedure.NoticeBoard;
import org.precisionaid.procedure.Objection;
import org.springframework.stereotype.Component;

/** The funding disclosure: a project takes objections while DISCLOSED, until its disclosure period ends. */
@Component
public class ProjectNotices implements NoticeBoard {

    private final ProjectRepository projects;

    public ProjectNotices(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    public Objection.Subject subject() {
        return Objection.Subject.PROJECT;
    }

    @Override
    public Optional<Entry> find(String projectNo) {
        return projects.findByProjectNo(projectNo).map(project -> new Entry(project.getId(), project.getProjectNo(),
                project.getStatus() == ProjectCodes.Status.DISCLOSED ? project.getDisclosureEnds() : null));
    }
}
