package org.precisionaid.region;

/** A value that is not a 12-digit statistical division code; {@link #field()} names the request field it came in. */
public class InvalidRegionCodeException extends IllegalArgumentException {

    public static final String RULE = "must be a 12-digit statistical division code (统计用区划代码)";

    private final String code;
    private final String field;

    public InvalidRegionCodeException(String code) {
        this(code, null);
    }

    public InvalidRegionCodeException(String code, String field) {
        super("'" + code + "' is not a 12-digit statistical division code");
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    /** The request field (regionCode, village, countyCode), or null when the caller did not say. */
    public String field() {
        return field;
    }
}
