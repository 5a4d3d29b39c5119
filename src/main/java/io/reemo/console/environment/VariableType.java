package io.reemo.console.environment;

/** The shape of a variable's value, checked by the validator. */
public enum VariableType {
    STRING,
    /** {@code true}/{@code false}, as a YAML boolean or the strings {@code "true"}/{@code "false"}. */
    BOOL,
    INT,
    /** One IPv4 or IPv6 address. */
    IP,
    /** A list of {@code {ip: "…"}} entries, as the role expects for {@code API_IP} and {@code RELAYS_IP}. */
    IP_LIST,
    /** Comma-separated IP addresses and CIDR blocks, e.g. {@code "10.1.1.1,10.2.2.0/24"}. */
    CIDR_LIST,
    /** A host name (or an IP address) without scheme, port or path. */
    FQDN,
    /** A host name or IP address with an optional {@code :port}, without scheme. */
    HOST_PORT,
    /** An {@code http(s)://} URL. */
    URL,
    /** An image tag used verbatim (product-calls.md §6). */
    VERSION,
    /** Base64 of a JSON document (the license). */
    BASE64_JSON,
    /** One of {@link Variable#allowedValues()}. */
    ENUM,
    /** A list of {@code {cert_file, key_file}} paths on the console's machine. */
    CERT_LIST,
    /** A list of {@code {cert_file, key_file}} paths that already exist on each Traefik node. */
    REMOTE_CERT_LIST,
    /** A PEM certificate (chain). */
    PEM_CERTIFICATE,
    /** A PEM private key. */
    PEM_PRIVATE_KEY,
    /** Exim's {@code host::port}. */
    SMARTHOST,
    /** Exim's {@code host:user:password}. */
    SMTP_CREDENTIALS,
    /** A list of strings. */
    STRING_LIST,
    /** A file path on the console's machine. */
    PATH
}
