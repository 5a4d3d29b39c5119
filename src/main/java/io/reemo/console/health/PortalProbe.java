package io.reemo.console.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.ssl.SSLContextBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One GET through one Traefik node: the connection goes to the node's address (a {@link DnsResolver} that knows the
 * asked name only, and resolves it to that node), while the Host header, the TLS server name and the certificate check
 * use the portal's name, as a browser reaching {@code PORTAL_URL} would. The dashboard's healthcheck and the platform
 * check both ask this way, with the scheme, port and timeout of {@code console.healthcheck.*}.
 */
@Component
public class PortalProbe {

    /** The answer is read up to this size; a healthcheck tree is a few kilobytes, a portal's first page not much more. */
    private static final int MAX_ANSWER = 1 << 20;

    /**
     * What came back: an HTTP answer, or why there was none.
     *
     * @param contentType the media type without its parameters, empty when the answer had none
     * @param failure     why no HTTP answer came, in words; {@code null} when one came
     */
    public record Reply(int status, String contentType, String body, String failure) {

        static Reply failed(String why) {
            return new Reply(0, "", "", why);
        }

        public boolean answered() {
            return failure == null;
        }

        /** {@code HTTP 502 (text/plain): Bad Gateway}, or why nothing came back. */
        public String describe() {
            if (!answered()) {
                return failure;
            }
            String text = abbreviate(body);
            return "HTTP " + status + " (" + (contentType.isEmpty() ? "no Content-Type" : contentType) + ")"
                    + (text.isEmpty() ? ", empty" : ": " + text);
        }
    }

    private final HealthcheckProperties properties;
    private final SSLContext trusted;

    @Autowired
    PortalProbe(HealthcheckProperties properties) {
        this(properties, jdkTrust());
    }

    /** @param trusted the authorities a certificate is checked against (the JDK's, unless a test brings its own) */
    PortalProbe(HealthcheckProperties properties, SSLContext trusted) {
        this.properties = properties;
        this.trusted = trusted;
    }

    private static SSLContext jdkTrust() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("TLS is part of every Java runtime", e);
        }
    }

    /** {@code https} unless the console is told otherwise ({@code console.healthcheck.scheme}). */
    public String scheme() {
        return properties.scheme();
    }

    /**
     * The port to ask for what Traefik publishes on {@code published}: {@code console.healthcheck.port} stands for
     * 443 (the portals' entry point); other entry points (the signals' 8443) keep their own.
     */
    public int port(int published) {
        return published == 443 ? properties.port() : published;
    }

    /** How the lines write what was asked: {@code https://portal.example.com/}, with the port when it is not the scheme's. */
    public String url(String host, int published, String path) {
        int port = port(published);
        boolean usual = port == 443 && "https".equals(scheme()) || port == 80 && "http".equals(scheme());
        return scheme() + "://" + host + (usual ? "" : ":" + port) + path;
    }

    /**
     * HTTP/1.0, as the probe always asked: one request per connection, the answer ends with the stream.
     *
     * @param address           the node's address, where the connection goes
     * @param host              the name asked for (Host, TLS server name, certificate name); the address for a catch-all
     * @param published         the port Traefik publishes the entry point on (see {@link #port})
     * @param verifyCertificate {@code false} when no authority vouches for the certificate (Traefik's own self-signed
     *                          one) or no name can be checked: then any certificate is accepted (the request carries
     *                          nothing secret)
     */
    public Reply get(String address, String host, int published, String path, String accept, boolean verifyCertificate) {
        if (!PortalHost.isName(host) && !host.equals(address)) {
            return Reply.failed("'" + abbreviate(host) + "' is neither a host name nor the node's address, so nothing was asked");
        }
        HttpHost target = new HttpHost(properties.scheme(), host, port(published));
        BasicClassicHttpRequest request = new BasicClassicHttpRequest("GET", target, path);
        request.setAuthority(new URIAuthority(host));
        request.setHeader("Accept", accept);
        try (CloseableHttpClient client = client(address, host, verifyCertificate)) {
            return client.execute(target, request, response -> new Reply(response.getCode(), contentType(response.getEntity()),
                    response.getEntity() == null ? "" : body(response.getEntity()), null));
        } catch (IOException e) {
            return Reply.failed(NoAnswer.describe(e, properties.scheme(), properties.timeout()));
        } catch (IllegalArgumentException e) {
            return Reply.failed(e.getMessage());
        }
    }

    /** The first 80 characters of an answer, on one line. */
    static String abbreviate(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }

    private static String contentType(HttpEntity entity) {
        if (entity == null || entity.getContentType() == null) {
            return "";
        }
        String type = entity.getContentType();
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    private static String body(HttpEntity entity) throws IOException {
        try {
            return EntityUtils.toString(entity, StandardCharsets.UTF_8, MAX_ANSWER);
        } catch (ParseException e) {
            throw new IOException("an answer that is not HTTP: " + e.getMessage(), e);
        }
    }

    private CloseableHttpClient client(String address, String host, boolean verifyCertificate) {
        Timeout timeout = Timeout.of(properties.timeout());
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .http1Config(Http1Config.custom().setVersion(HttpVersion.HTTP_1_0).build()).build())
                        .setDnsResolver(onlyTo(host, address))
                        .setTlsSocketStrategy(tls(verifyCertificate))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .setUserAgent("reemo-infra-console")
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
    }

    /** With verification, the JDK's check and the client's both match the certificate to the portal's name. */
    private TlsSocketStrategy tls(boolean verifyCertificate) {
        if (verifyCertificate) {
            return ClientTlsStrategyBuilder.create().setSslContext(trusted)
                    .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH).buildClassic();
        }
        try {
            SSLContext anyCertificate = SSLContextBuilder.create().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
            return ClientTlsStrategyBuilder.create().setSslContext(anyCertificate)
                    .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT).setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                    .buildClassic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every Java runtime", e);
        }
    }

    /** The asked name goes to the node's address; no other name is looked up, so nothing reaches anything else. */
    private static DnsResolver onlyTo(String host, String address) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String name) throws UnknownHostException {
                if (!name.equalsIgnoreCase(host)) {
                    throw new UnknownHostException(name + ": the probe asks the portal's nodes only");
                }
                return InetAddress.getAllByName(address);
            }

            @Override
            public String resolveCanonicalHostname(String name) {
                return name;
            }
        };
    }
}
