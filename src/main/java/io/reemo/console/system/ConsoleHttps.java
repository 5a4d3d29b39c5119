package io.reemo.console.system;

import io.reemo.console.secrets.SecretBox;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTPS by default (review M4): unless the operator sets {@code server.ssl.*} (a PEM pair or a PKCS#12 store of
 * their own), the console answers HTTPS with the {@link ServedCertificate}: the one uploaded on the Console certificate
 * page, or else its own {@link ConsoleCertificate}, whose fingerprint the log prints so that the browser's warning can
 * be checked. Plain HTTP only with {@code console.http.plain=true}, said in the log.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleHttps {

    static final String PLAIN = "console.http.plain";
    private static final Logger log = LoggerFactory.getLogger(ConsoleHttps.class);

    @Bean
    @ConditionalOnProperty(name = PLAIN, havingValue = "true")
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> plainHttpWarning() {
        return factory -> log.warn("Plain HTTP ({}=true): passwords, keys and tokens cross the network in clear; "
                + "serve the console only on a trusted network or behind a TLS proxy.", PLAIN);
    }

    /** Whatever serves HTTPS (or not): the page that shows it, and changes it, is there in every case. */
    @Bean
    ServedCertificate servedCertificate(ServerProperties server, SecretBox box, @Value("${console.data-dir}") Path dataDir,
                                        @Value("${" + PLAIN + ":false}") boolean plain) {
        ServedCertificate.Source source = plain ? ServedCertificate.Source.PLAIN
                : Ssl.isEnabled(server.getSsl()) ? ServedCertificate.Source.CONFIG : ServedCertificate.Source.OWN;
        return new ServedCertificate(source, dataDir.resolve("tls"), box);
    }

    @Bean
    @ConditionalOnProperty(name = PLAIN, havingValue = "false", matchIfMissing = true)
    SslBundleRegistrar consoleCertificateBundle(ServedCertificate served) {
        return registry -> {
            if (served.source() != ServedCertificate.Source.CONFIG) {
                served.register(registry);
            }
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
                factory.setSsl(Ssl.forBundle(ServedCertificate.BUNDLE));
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
