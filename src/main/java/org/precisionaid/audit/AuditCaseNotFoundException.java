package org.precisionaid.audit;

/** No case with this number that the caller may read; answered 404 without saying which of the two. */
public class AuditCaseNotFoundException extends RuntimeException {

    public AuditCaseNotFoundException(String businessKey) {
        super("No case " + businessKey + " in your region");
    }
}
