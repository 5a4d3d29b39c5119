package io.reemo.console.pki;

import java.util.List;
import java.util.stream.Collectors;

/** Certificate material that cannot be used; {@link #findings()} says why, in the operator's words. */
public class CertificateProblemException extends RuntimeException {

    private final transient List<Finding> findings;

    public CertificateProblemException(List<Finding> findings) {
        super(findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR)
                .map(Finding::message).collect(Collectors.joining(" ")));
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
