package io.reemo.console.environment.validation;

import io.reemo.console.environment.LicenseSummary;
import io.reemo.console.environment.LocalFiles;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.SmtpLogin;
import io.reemo.console.environment.Variable;
import io.reemo.console.secrets.SecretBox;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/** Whether a value has the type and format its variable needs. Messages never quote a secret value. */
final class TypeChecks {

    private final JsonMapper json;
    private final LocalFiles files;

    TypeChecks(JsonMapper json, LocalFiles files) {
        this.json = json;
        this.files = files;
    }

    /** A message that completes "NAME …", or empty when the value is fine. Secret values are never quoted. */
    Optional<String> check(Variable variable, Object value) {
        if (variable.secret() && (value instanceof Map || value instanceof List)) {
            return Optional.of("must be a single value (a secret is text), not a list or map");
        }
        String shown = variable.secret() ? "" : " (" + value + ")";
        return switch (variable.type()) {
            case STRING, PATH -> scalar(value);
            case BOOL -> value instanceof Boolean || isText(value, "true") || isText(value, "false")
                    ? Optional.empty() : Optional.of("must be true or false" + shown);
            case INT -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    || value instanceof String s && s.strip().matches("\\d+")
                    ? Optional.empty() : Optional.of("must be a whole number" + shown);
            case IP -> value instanceof String s && ValueFormats.isIp(s.strip())
                    ? Optional.empty() : Optional.of("must be an IP address" + shown);
            case IP_LIST -> ipList(value);
            case CIDR_LIST -> cidrList(value);
            case FQDN -> fqdn(value);
            case HOST_PORT -> value instanceof String s && ValueFormats.isHostPort(s.strip())
                    ? Optional.empty() : Optional.of("must be a host name or address with an optional :port, without "
                    + "https:// or a path" + shown);
            case URL -> value instanceof String s && ValueFormats.isHttpUrl(s.strip())
                    ? Optional.empty() : Optional.of("must be an https:// (or http://) URL" + shown);
            case VERSION -> version(value);
            case BASE64_JSON -> license(value);
            case ENUM -> variable.allowedValues().contains(String.valueOf(value).strip()) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", variable.allowedValues()) + shown + ". "
                    + variable.help());
            case CERT_LIST -> certificateList(value, true);
            case REMOTE_CERT_LIST -> certificateList(value, false);
            case PEM_CERTIFICATE -> pem(() -> CertificateChecks.certificates(String.valueOf(value)));
            case PEM_PRIVATE_KEY -> pem(() -> CertificateChecks.privateKey(String.valueOf(value)));
            case SMARTHOST -> smarthost(value);
            case SMTP_CREDENTIALS -> SmtpLogin.of(value).filter(l -> !l.server().isBlank() && !l.user().isBlank()).isPresent()
                    ? Optional.empty() : Optional.of("must read <smtp server>:<user>:<password>");
            case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(i -> i instanceof String)
                    ? Optional.empty() : Optional.of("must be a list of strings");
        };
    }

    private static Optional<String> scalar(Object value) {
        return value instanceof Map || value instanceof List
                ? Optional.of("must be a single value, not a list or map") : Optional.empty();
    }

    private static boolean isText(Object value, String expected) {
        return value instanceof String s && s.strip().equalsIgnoreCase(expected);
    }

    private static Optional<String> ipList(Object value) {
        if (!(value instanceof List<?> list)) {
            return Optional.of("must be a list of {ip: …} entries, e.g.\n  - ip: \"10.3.1.1\"\n  - ip: \"10.3.1.2\"");
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof Map<?, ?> entry) || !(entry.get("ip") instanceof String ip)) {
                return Optional.of("entry " + (i + 1) + " is not an {ip: \"…\"} entry (" + item + "); write each "
                        + "address as - ip: \"10.3.1.1\"");
            }
            if (!ValueFormats.isIp(ip.strip())) {
                return Optional.of("entry " + (i + 1) + " (" + ip + ") is not an IP address");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cidrList(Object value) {
        if (!(value instanceof String text)) {
            return Optional.of("must be one comma-separated string of IPs and CIDR blocks, e.g. \"10.1.1.1,10.2.2.0/24\"");
        }
        for (String item : text.split(",")) {
            if (!ValueFormats.isIpOrCidr(item.strip())) {
                return Optional.of("has '" + item.strip() + "', which is neither an IP address nor a CIDR block such "
                        + "as 10.2.2.0/24");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fqdn(Object value) {
        if (!(value instanceof String text)) {
            return Optional.of("must be a host name such as url.domain.tld");
        }
        String host = text.strip();
        if (host.contains("://")) {
            return Optional.of("is a host name, without " + host.substring(0, host.indexOf("://") + 3) + " (" + host + ")");
        }
        return ValueFormats.isHost(host) ? Optional.empty()
                : Optional.of("must be a host name such as url.domain.tld, without port or path (" + host + ")");
    }

    private static Optional<String> version(Object value) {
        String tag = String.valueOf(value).strip();
        if (value instanceof Map || value instanceof List || !ValueFormats.isDockerTag(tag)) {
            return Optional.of("must be an image tag such as 2.13.10 (letters, digits, '.', '-' and '_', at most 128) ("
                    + value + ")");
        }
        return Optional.empty();
    }

    private Optional<String> license(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return Optional.of("must be the base64 license key as text");
        }
        try {
            LicenseSummary.read(text, json);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<String> certificateList(Object value, boolean onConsole) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return Optional.of("must be a list of {cert_file, key_file} items");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                return Optional.of("item " + (i + 1) + " is not a {cert_file, key_file} item");
            }
            boolean cert = item.get("cert_file") instanceof String;
            boolean key = item.get("key_file") instanceof String;
            if (!cert || !key) {
                return Optional.of("item " + (i + 1) + " has " + (cert ? "cert_file but no key_file" : key
                        ? "key_file but no cert_file" : "neither cert_file nor key_file") + "; both belong to the same "
                        + "list item:\n  - cert_file: \"/path/cert.crt\"\n    key_file: \"/path/key.key\"");
            }
            Optional<String> files = onConsole
                    ? localPair((String) item.get("cert_file"), (String) item.get("key_file"))
                    : absolute((String) item.get("cert_file"), (String) item.get("key_file"));
            if (files.isPresent()) {
                return Optional.of("item " + (i + 1) + ": " + files.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Files that are on the console's machine are checked now (where the console may read them: {@link LocalFiles});
     * the wizard asks for the others.
     */
    private Optional<String> localPair(String certFile, String keyFile) {
        List<LocalFiles.Refusal> refusals = Stream.of(certFile, keyFile).map(files::refusal).flatMap(Optional::stream).toList();
        if (!refusals.isEmpty()) {
            // a file that is not there yet is a warning (missingFiles); one the console may not read is this error
            return refusals.stream().filter(refusal -> !refusal.missing()).map(LocalFiles.Refusal::message).findFirst();
        }
        try {
            var certificates = CertificateChecks.certificates(files.readText(certFile));
            String keyPem = files.readText(keyFile);
            if (SecretBox.isEncrypted(keyPem.strip())) {
                return Optional.empty(); // a key the wizard sealed: checked against its certificate at the upload
            }
            var privateKey = CertificateChecks.privateKey(keyPem);
            return CertificateChecks.matches(certificates.get(0), privateKey) ? Optional.empty()
                    : Optional.of("the key " + keyFile + " does not belong to the certificate " + certFile);
        } catch (IllegalArgumentException e) {
            return Optional.of("a file of the pair " + certFile + " / " + keyFile + " " + e.getMessage());
        } catch (IOException e) {
            return Optional.of("cannot read " + certFile + " or " + keyFile + ": " + e.getMessage());
        }
    }

    private static Optional<String> absolute(String certFile, String keyFile) {
        return certFile.startsWith("/") && keyFile.startsWith("/") ? Optional.empty()
                : Optional.of("paths on the Traefik nodes must be absolute (" + certFile + ", " + keyFile + ")");
    }

    private static Optional<String> pem(Runnable parse) {
        try {
            parse.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> smarthost(Object value) {
        if (!(value instanceof String text)) {
            return Optional.of("must read <smtp server>::<port>, e.g. smtp.domain.tld::587");
        }
        String[] parts = text.strip().split("::", -1);
        if (parts.length == 1 && !parts[0].contains(":") && ValueFormats.isHost(parts[0])) {
            return Optional.empty();
        }
        if (parts.length == 2 && ValueFormats.isHost(parts[0]) && ValueFormats.isPort(parts[1])) {
            return Optional.empty();
        }
        return Optional.of("must read <smtp server>::<port> with Exim's double colon, e.g. smtp.domain.tld::587 ("
                + text + ")");
    }

    /** Files of a certificate list that are not on the console's machine cannot be checked or deployed yet. */
    Optional<Problem> missingFiles(String name, List<?> items) {
        List<String> missing = items.stream().map(item -> (Map<?, ?>) item)
                .flatMap(item -> Stream.of(item.get("cert_file"), item.get("key_file")))
                .map(String::valueOf)
                .filter(path -> files.refusal(path).filter(LocalFiles.Refusal::missing).isPresent())
                .toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of(Problem.warning("CERTIFICATE_FILE", name + ": "
                + String.join(", ", missing) + " not found on the console's machine; the console checks and deploys "
                + "them only once they are there."));
    }
}
