package io.reemo.console.audit;

import io.reemo.console.security.AuditLog.AuditEvent;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Audit records as RFC 4180 CSV: a header row, CRLF line ends, a field with a comma, quote or line break quoted. */
final class AuditCsv {

    static final String HEADER = "id,at,username,action,target,detail";
    private static final String CRLF = "\r\n";

    private AuditCsv() {
    }

    static String of(List<AuditEvent> events) {
        StringBuilder csv = new StringBuilder(HEADER).append(CRLF);
        for (AuditEvent e : events) {
            csv.append(Stream.of(String.valueOf(e.id()), e.at().toInstant().toString(), e.username(), e.action(), e.target(), e.detail())
                    .map(AuditCsv::field).collect(Collectors.joining(","))).append(CRLF);
        }
        return csv.toString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quoted = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quoted ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
