package io.reemo.console.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Docker registry, through its HTTP API v2 over HTTPS: checks a login and lists a repository's tags.
 * Handles both kinds of registry authentication: HTTP Basic, and the token flow (a {@code Bearer} challenge
 * sends the client to a token service, which it asks with the same credentials). The password is never logged
 * nor put in a message.
 */
public final class RegistryClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int PAGE_SIZE = 100;
    /** A page of tags or a token is a few KiB; a registry that sends more is not let fill the console's memory. */
    static final int BODY_LIMIT = 4 * 1024 * 1024;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*");

    private final URI base;
    private final String username;
    private final String password;
    private final HttpClient http;
    /** The Authorization header that last worked; a token stays good for a while, so pages reuse it. */
    private volatile String authorization;

    /**
     * @param registry          {@code host[:port]}, as in {@code REGISTRY_URL}; an {@code https://} prefix is accepted
     * @param username          {@code null} for anonymous access
     * @param caCertificatePem  the CA of a private registry's certificate, trusted besides the system's CAs;
     *                          {@code null} when the registry has a certificate from a public CA
     */
    public RegistryClient(String registry, String username, String password, String caCertificatePem) {
        this.base = baseUri(registry);
        this.username = username == null || username.isBlank() ? null : username;
        this.password = password == null ? "" : password;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(TrustedCertificates.sslContext(caCertificatePem))
                .build();
    }

    /**
     * Logs in as {@code docker login} would.
     *
     * @throws RegistryException when the registry cannot be reached, is not trusted, or refuses the credentials
     */
    public void checkLogin() {
        Answer response = get(base.resolve("/v2/"), null);
        if (response.statusCode() == 404) {
            throw new RegistryException(RegistryException.Reason.UNEXPECTED_ANSWER, base + " is not a Docker registry "
                    + "(no API at /v2/): check REGISTRY_URL.");
        }
        expectOk(response, "/v2/");
    }

    /**
     * Every tag of a repository (e.g. {@code reemoinfraapi}), oldest version first ({@link VersionOrder}).
     *
     * @throws RegistryException as {@link #checkLogin()}, and when the repository does not exist
     */
    public List<String> tags(String repository) {
        if (repository == null || !REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("'" + repository + "' is not a repository name: lower-case letters, "
                    + "digits, '.', '_', '-', and '/' between parts.");
        }
        List<String> tags = new ArrayList<>();
        String scope = "repository:" + repository + ":pull";
        URI page = base.resolve("/v2/" + repository + "/tags/list?n=" + PAGE_SIZE);
        while (page != null) {
            Answer response = get(page, scope);
            if (response.statusCode() == 404) {
                throw new RegistryException(RegistryException.Reason.NOT_FOUND, "Repository '" + repository
                        + "' does not exist in registry " + base + ": check REGISTRY_ENV and the component name.");
            }
            expectOk(response, "the tags of " + repository);
            json(response, "the tags of " + repository).path("tags").forEach(tag -> tags.add(tag.asString()));
            page = nextPage(response);
        }
        tags.sort(VersionOrder.INSTANCE);
        return tags;
    }

    /** The tags of each repository, read one after the other; see {@link RepositoryTags} for what stops the reading. */
    public RepositoryTags tagsOf(Collection<String> repositories) {
        return RepositoryTags.read(this, repositories);
    }

    /** The versions after {@code currentVersion}, oldest first; tags that are not versions are left out. */
    public List<String> newerTags(String repository, String currentVersion) {
        return VersionOrder.newer(tags(repository), currentVersion);
    }

    public URI uri() {
        return base;
    }

    /** A GET that answers an authentication challenge once, then keeps what worked. */
    private Answer get(URI uri, String scope) {
        Answer response = send(uri, authorization);
        if (response.statusCode() != 401) {
            return response;
        }
        AuthChallenge challenge = AuthChallenge.preferred(response.headers().allValues("WWW-Authenticate"))
                .orElseThrow(() -> unexpected("answered 401 without saying how to authenticate", uri));
        authorization = authorize(challenge, scope);
        response = send(uri, authorization);
        if (response.statusCode() == 401) {
            boolean scopeRefused = AuthChallenge.preferred(response.headers().allValues("WWW-Authenticate"))
                    .map(c -> "insufficient_scope".equals(c.parameter("error"))).orElse(false);
            if (scopeRefused) {
                throw new RegistryException(RegistryException.Reason.DENIED, "Registry " + base + " accepted user '"
                        + username + "' but not for " + scope + ": the repository does not exist or the user may not "
                        + "pull it; check REGISTRY_ENV and ask the registry's administrator for pull access.");
            }
            throw badCredentials();
        }
        return response;
    }

    private String authorize(AuthChallenge challenge, String scope) {
        return switch (challenge.scheme()) {
            case "basic" -> {
                if (username == null) {
                    throw new RegistryException(RegistryException.Reason.BAD_CREDENTIALS, "Registry " + base
                            + " needs a user name and password: set REGISTRY_USERNAME and REGISTRY_PASSWORD.");
                }
                yield basic();
            }
            case "bearer" -> "Bearer " + token(challenge, scope);
            default -> throw unexpected("asks for authentication scheme '" + challenge.scheme()
                    + "', which the console does not speak (only Basic and Bearer tokens)", base);
        };
    }

    /** The token flow: ask the realm named in the challenge, with the registry's credentials. */
    private String token(AuthChallenge challenge, String scope) {
        String realm = challenge.parameter("realm");
        if (realm == null || !realm.toLowerCase(Locale.ROOT).startsWith("https://")) {
            throw unexpected("sends clients to token service '" + realm + "', which is not an HTTPS address; the console "
                    + "does not send credentials there", base);
        }
        List<String> query = new ArrayList<>();
        Optional.ofNullable(challenge.parameter("service")).ifPresent(s -> query.add("service=" + encode(s)));
        Optional.ofNullable(scope != null ? scope : challenge.parameter("scope")).ifPresent(s -> query.add("scope=" + encode(s)));
        if (username != null) {
            query.add("account=" + encode(username));
        }
        URI tokenUri = URI.create(realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + String.join("&", query)));
        Answer response = send(tokenUri, username == null ? null : basic());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw badCredentials();
        }
        expectOk(response, "a token from " + tokenUri.getHost());
        JsonNode body = json(response, "the token service");
        String token = body.path("token").asString(body.path("access_token").asString(""));
        if (token.isEmpty()) {
            throw unexpected("token service " + tokenUri.getHost() + " answered without a token", base);
        }
        return token;
    }

    private Answer send(URI uri, String authorizationHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET()
                .header("Accept", "application/json");
        if (authorizationHeader != null) {
            request.header("Authorization", authorizationHeader);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(BODY_LIMIT + 1);
                if (bytes.length > BODY_LIMIT) {
                    throw unexpected("sent more than " + BODY_LIMIT / (1024 * 1024) + " MiB when asked " + uri.getPath()
                            + ", which no answer of a registry's API is", base);
                }
                return new Answer(response.statusCode(), response.headers(), new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw failure(uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryException.Reason.UNREACHABLE, "Interrupted while asking " + uri.getHost(), e);
        }
    }

    private RegistryException failure(URI uri, IOException e) {
        String where = uri.getScheme() + "://" + uri.getAuthority();
        if (e instanceof HttpConnectTimeoutException) {
            return new RegistryException(RegistryException.Reason.UNREACHABLE, where + " did not accept a connection within "
                    + CONNECT_TIMEOUT.toSeconds() + " s: check the address and port, and that no firewall blocks it.", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new RegistryException(RegistryException.Reason.UNREACHABLE, where + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s: check that the registry is up and not overloaded.", e);
        }
        if (causedBy(e, CertificateException.class) || causedBy(e, SSLHandshakeException.class)) {
            String detail = rootMessage(e);
            if (detail.contains("subject alternative") || detail.contains("No name matching")) {
                return new RegistryException(RegistryException.Reason.UNTRUSTED_CERTIFICATE, "The certificate of " + where
                        + " does not name '" + uri.getHost() + "' (" + detail + "): use the name the certificate was "
                        + "issued for in REGISTRY_URL, or reissue the certificate.", e);
            }
            return new RegistryException(RegistryException.Reason.UNTRUSTED_CERTIFICATE, "The certificate of " + where
                    + " is not trusted (" + detail + "): give the CA certificate of this registry, or use a "
                    + "certificate from a public CA.", e);
        }
        if (causedBy(e, SSLException.class)) {
            return new RegistryException(RegistryException.Reason.UNREACHABLE, where + " does not speak HTTPS as "
                    + "expected (" + rootMessage(e) + "): the console talks to registries over HTTPS only.", e);
        }
        if (causedBy(e, ConnectException.class)) {
            return new RegistryException(RegistryException.Reason.UNREACHABLE, where + " is unreachable ("
                    + rootMessage(e) + "): check REGISTRY_URL, that the registry runs, and that the console's machine "
                    + "can reach it.", e);
        }
        return new RegistryException(RegistryException.Reason.UNREACHABLE, where + " could not be asked (" + rootMessage(e)
                + "): check REGISTRY_URL and the network between the console and the registry.", e);
    }

    private void expectOk(Answer response, String what) {
        int status = response.statusCode();
        if (status == 403) {
            throw new RegistryException(RegistryException.Reason.DENIED, "Registry " + base + " does not let user '"
                    + username + "' read " + what + " (403): ask the registry's administrator for pull access.");
        }
        if (status != 200) {
            throw unexpected("answered HTTP " + status + " when asked for " + what, base);
        }
    }

    private JsonNode json(Answer response, String what) {
        try {
            return JsonMapper.shared().readTree(response.body());
        } catch (JacksonException e) {
            throw unexpected("answered something other than JSON when asked for " + what, base);
        }
    }

    /** The next page on this registry: credentials and tokens are never sent where another host's link points. */
    private URI nextPage(Answer response) {
        for (String link : response.headers().allValues("Link")) {
            Matcher next = NEXT_LINK.matcher(link);
            if (next.find()) {
                URI page = base.resolve(next.group(1));
                if (!page.getScheme().equals(base.getScheme()) || !page.getAuthority().equals(base.getAuthority())) {
                    throw unexpected("pointed its next page of tags to " + page.getScheme() + "://" + page.getAuthority()
                            + ", another host, where the console does not follow with its credentials", base);
                }
                return page;
            }
        }
        return null;
    }

    /** A registry's answer, read whole but never beyond {@link #BODY_LIMIT}. */
    private record Answer(int statusCode, HttpHeaders headers, String body) {
    }

    private RegistryException badCredentials() {
        return new RegistryException(RegistryException.Reason.BAD_CREDENTIALS, "Registry " + base
                + " refused the login of user '" + username + "' (HTTP 401): check REGISTRY_USERNAME and REGISTRY_PASSWORD.");
    }

    private static RegistryException unexpected(String what, URI where) {
        return new RegistryException(RegistryException.Reason.UNEXPECTED_ANSWER, "Registry " + where + " " + what + ".");
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static URI baseUri(String registry) {
        String address = registry == null ? "" : registry.trim();
        if (address.regionMatches(true, 0, "http://", 0, 7)) {
            throw new IllegalArgumentException("Registry '" + registry + "': the console talks to registries over HTTPS only.");
        }
        address = address.replaceFirst("(?i)^https://", "").replaceFirst("/+$", "");
        if (!address.matches("[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?")) {
            throw new IllegalArgumentException("Registry '" + registry + "' is not a host name with an optional port, "
                    + "such as registry.reemo.io or 10.0.0.5:5000.");
        }
        return URI.create("https://" + address);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The deepest message in the chain; the JDK client reports a refused connection with none at all. */
    private static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message != null) {
            return message;
        }
        return causedBy(e, ConnectException.class) ? "connection refused" : e.getClass().getSimpleName();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RegistryClient[" + base + ", user " + username + "]";
    }
}
