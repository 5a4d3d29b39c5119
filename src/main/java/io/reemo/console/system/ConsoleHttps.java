package io.reemo.console.system;

import io.reemo.console.secrets.SecretBox;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTPS by default (review M4): unless the operator sets {@code server.ssl.*} (a PEM pair or a PKCS#12 store of
 * their own), the console answers HTTPS with {@link ConsoleCertificate}, whose fingerprint the log prints so that
 * the browser's warning can be checked. Plain HTTP only with {@code console.http.plain=true}, said in the log.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleHttps {

    static final String PLAIN = "console.http.plain";
    static final String BUNDLE = "console";
    private static final String ALIAS = "console";
    private static final Logger log = LoggerFactory.getLogger(ConsoleHttps.class);

    @Bean
    @ConditionalOnProperty(name = PLAIN, havingValue = "true")
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> plainHttpWarning() {
        return factory -> log.warn("Plain HTTP ({}=true): passwords, keys and tokens cross the network in clear; "
                + "serve the console only on a trusted network or behind a TLS proxy.", PLAIN);
    }

    @Bean
    @ConditionalOnProperty(name = PLAIN, havingValue = "false", matchIfMissing = true)
    SslBundleRegistrar consoleCertificateBundle(ServerProperties server, SecretBox box,
                                                @Value("${console.data-dir}") Path dataDir) {
        return registry -> {
            if (Ssl.isEnabled(server.getSsl())) {
                return;
            }
            ConsoleCertificate certificate = ConsoleCertificate.loadOrMake(dataDir.resolve("tls"), box, Clock.systemUTC());
            // The store lives in memory only: its password protects nothing on disk, so a random one per start will do.
            char[] password = randomPassword();
            SslStoreBundle stores = SslStoreBundle.of(certificate.keyStore(ALIAS, password), new String(password), null);
            registry.registerBundle(BUNDLE, SslBundle.of(stores, SslBundleKey.of(new String(password), ALIAS)));
            log.info("HTTPS with the console's own certificate ({} {}, until {}), SHA-256 fingerprint {}: the browser "
                            + "warns once, compare this fingerprint with the one it shows. Set server.ssl.* to use yours.",
                    certificate.made() ? "made now in" : "kept in", dataDir.resolve("tls"),
                    certificate.certificate().getNotAfter().toInstant(), certificate.fingerprint());
        };
    }

    @Bean
    @ConditionalOnProperty(name = PLAIN, havingValue = "false", matchIfMissing = true)
    HttpsByDefault httpsByDefault(ServerProperties server) {
        return new HttpsByDefault(server);
    }

    /** Runs after Boot's own customizer, which applies {@code server.ssl.*}: the operator's settings win. */
    record HttpsByDefault(ServerProperties server) implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableWebServerFactory factory) {
            if (Ssl.isEnabled(server.getSsl())) {
                log.info("HTTPS with the certificate set in server.ssl.*");
            } else {
                factory.setSsl(Ssl.forBundle(BUNDLE));
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).toCharArray();
    }
}
