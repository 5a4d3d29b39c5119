package io.reemo.console.audit;

import io.reemo.console.security.AuditLog.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Audit records as RFC 4180 CSV (commons-csv): a header row, CRLF line ends, fields quoted where they must be. */
final class AuditCsv {

    static final String HEADER = "id,at,username,action,target,detail";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER.split(",")).get();

    private AuditCsv() {
    }

    static String of(List<AuditEvent> events) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            for (AuditEvent e : events) {
                printer.printRecord(e.id(), e.at().toInstant(), e.username(), e.action(), e.target(), e.detail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A StringBuilder does not fail", e);
        }
        return csv.toString();
    }
}
