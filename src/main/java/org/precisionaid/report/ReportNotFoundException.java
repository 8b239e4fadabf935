package org.precisionaid.report;

/** No report of that name: the answer is 404 and lists the names there are. */
public class ReportNotFoundException extends RuntimeException {

    public ReportNotFoundException(String name) {
        super("no report '" + name + "'; the reports are: " + ReportName.names());
    }
}
