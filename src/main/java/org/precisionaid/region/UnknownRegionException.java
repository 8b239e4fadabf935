package org.precisionaid.region;

public class UnknownRegionException extends RuntimeException {

    public UnknownRegionException(String code) {
        super("No region with code " + code);
    }
}
