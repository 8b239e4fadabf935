package org.precisionaid.project;

/** No project with this number (or not in the caller's region: its existence does not leak). */
public class ProjectNotFoundException extends RuntimeException {

    public ProjectNotFoundException(String projectNo) {
        super("no project " + projectNo);
    }
}
