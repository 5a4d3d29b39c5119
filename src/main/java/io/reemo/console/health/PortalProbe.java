package io.reemo.console.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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

/**
 * One GET of a portal's healthcheck on one node: the connection goes to the node's address (a {@link DnsResolver}
 * that knows the portal's name only, and resolves it to that node), while the Host header, the TLS server name and the
 * certificate check use the portal's name, as a browser reaching {@code PORTAL_URL} would.
 */
final class PortalProbe {

    /** The answer is read up to this size; a healthcheck tree is a few kilobytes. */
    private static final int MAX_ANSWER = 1 << 20;

    record Answer(int status, String body) {
    }

    private final HealthcheckProperties properties;
    private final SSLContext trusted;

    /** @param trusted the authorities a certificate is checked against (the JDK's, unless a test brings its own) */
    PortalProbe(HealthcheckProperties properties, SSLContext trusted) {
        this.properties = properties;
        this.trusted = trusted;
    }

    /**
     * HTTP/1.0, as the probe always asked: one request per connection, the answer ends with the stream.
     *
     * @param verifyCertificate {@code false} only for Traefik's own self-signed certificate, which no authority vouches
     *                          for: then any certificate is accepted (the request carries nothing secret)
     */
    Answer get(String address, String portal, boolean verifyCertificate) throws IOException {
        HttpHost target = new HttpHost(properties.scheme(), portal, properties.port());
        BasicClassicHttpRequest request = new BasicClassicHttpRequest("GET", target, PortalHealth.PATH);
        request.setAuthority(new URIAuthority(portal));
        request.setHeader("Accept", "application/json");
        try (CloseableHttpClient client = client(address, portal, verifyCertificate)) {
            return client.execute(target, request, response -> {
                String body = response.getEntity() == null ? "" : body(response.getEntity());
                if (body.isBlank()) {
                    throw new IOException("HTTP " + response.getCode() + " without a body");
                }
                return new Answer(response.getCode(), body);
            });
        }
    }

    private static String body(HttpEntity entity) throws IOException {
        try {
            return EntityUtils.toString(entity, StandardCharsets.UTF_8, MAX_ANSWER);
        } catch (ParseException e) {
            throw new IOException("an answer that is not HTTP: " + e.getMessage(), e);
        }
    }

    private CloseableHttpClient client(String address, String portal, boolean verifyCertificate) {
        Timeout timeout = Timeout.of(properties.timeout());
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .http1Config(Http1Config.custom().setVersion(HttpVersion.HTTP_1_0).build()).build())
                        .setDnsResolver(onlyTo(portal, address))
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

    /** The portal's name goes to the node's address; no other name is looked up, so nothing reaches anything else. */
    private static DnsResolver onlyTo(String portal, String address) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                if (!host.equalsIgnoreCase(portal)) {
                    throw new UnknownHostException(host + ": the healthcheck asks the portal's nodes only");
                }
                return InetAddress.getAllByName(address);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }
}
