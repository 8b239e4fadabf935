package org.precisionaid.registry;

/**
 * Names of the cadre and unit a file card refers to. Implemented by the assistance registry, so that the
 * household registry does not depend on it.
 */
public interface Responsibility {

    record Names(String unit, String cadre) {
    }

    Names describe(FileCard card);
}
