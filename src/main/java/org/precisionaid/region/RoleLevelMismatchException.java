package org.precisionaid.region;

public class RoleLevelMismatchException extends IllegalArgumentException {

    public RoleLevelMismatchException(RegionCode region, OfficialRole role) {
        super("role '" + role.key() + "' works at " + role.level() + " level, but region " + region
                + " is a " + region.level() + " region above it");
    }
}
