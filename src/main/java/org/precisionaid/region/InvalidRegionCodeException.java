package org.precisionaid.region;

public class InvalidRegionCodeException extends IllegalArgumentException {

    private final String code;

    public InvalidRegionCodeException(String code) {
        super("'" + code + "' is not a 12-digit statistical division code");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
