package org.precisionaid.inspection;

import org.precisionaid.registry.Codes;

/** The registers a round may sample from, each a household status of the registry. */
public enum Register {
    IDENTIFICATION(Codes.Status.REGISTERED, "建档立卡户 / Registered poor households"),
    EXITS(Codes.Status.EXITED, "已脱贫户 / Exited households"),
    MONITORING(Codes.Status.MONITORED, "监测户 / Monitored households");

    private final Codes.Status status;
    private final String label;

    Register(Codes.Status status, String label) {
        this.status = status;
        this.label = label;
    }

    public Codes.Status status() {
        return status;
    }

    public String label() {
        return label;
    }
}
