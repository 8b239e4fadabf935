package org.precisionaid.inspection;

import org.precisionaid.registry.Codes;

/**
 * The registers a round may sample from: three are a household status of the registry; {@code PROJECTS} is the funded
 * projects of the round's year (the projects register, sampled by township).
 */
public enum Register {
    IDENTIFICATION(Codes.Status.REGISTERED, "建档立卡户 / Registered poor households"),
    EXITS(Codes.Status.EXITED, "已脱贫户 / Exited households"),
    MONITORING(Codes.Status.MONITORED, "监测户 / Monitored households"),
    PROJECTS(null, "扶贫项目 / Funded projects");

    private final Codes.Status status;
    private final String label;

    Register(Codes.Status status, String label) {
        this.status = status;
        this.label = label;
    }

    /** The household status of a household register; null for the projects. */
    public Codes.Status status() {
        return status;
    }

    public boolean households() {
        return status != null;
    }

    public String label() {
        return label;
    }
}
