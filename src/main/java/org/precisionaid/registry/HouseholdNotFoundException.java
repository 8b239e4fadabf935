package org.precisionaid.registry;

public class HouseholdNotFoundException extends RuntimeException {

    public HouseholdNotFoundException(String key) {
        super("No household application " + key);
    }
}
