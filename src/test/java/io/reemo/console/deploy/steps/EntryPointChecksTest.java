package io.reemo.console.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.catalogue.Component;
import io.reemo.console.catalogue.Route;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.Node;
import io.reemo.console.health.PortalProbe.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each route must answer, and lines that name the URL, the node, what came back and what was expected. */
class EntryPointChecksTest {

    private static final Node NODE2 = Fixtures.node("node2", "10.199.0.2");
    private static final String URL = "https://portal.example.com/";
    private static final Route PORTAL = new Route("portal", Route.WEBSECURE, "portal.example.com", "PORTAL_URL_RESTRICT_IP", "",
            Component.PORTAL, List.of("reemo_portal"));

    @Test
    void thePortalMustAnswerItsPageWith200AndHtml() {
        CheckLine ok = EntryPointChecks.judge(PORTAL, NODE2, URL, answer(200, "text/html", "<html>portal</html>"));
        assertThat(ok.passed()).isTrue();
        assertThat(ok.text()).isEqualTo("portal https://portal.example.com/ through node2 (10.199.0.2): HTTP 200 (text/html), the portal's page");

        CheckLine notFound = EntryPointChecks.judge(PORTAL, NODE2, URL, answer(404, "text/plain", "404 page not found\n"));
        assertThat(notFound.passed()).isFalse();
        assertThat(notFound.text()).isEqualTo("portal https://portal.example.com/ through node2 (10.199.0.2): HTTP 404 (text/plain): "
                + "404 page not found; expected the portal's page (HTTP 200, text/html)");

        CheckLine untyped = EntryPointChecks.judge(PORTAL, NODE2, URL, answer(200, "", "portal 2.12.6"));
        assertThat(untyped.passed()).isFalse();
        assertThat(untyped.text()).contains(": HTTP 200 (no Content-Type): portal 2.12.6; expected the portal's page");
    }

    @Test
    void aGatewayErrorAndNoAnswerAtAllAreSaidAsTheyCame() {
        CheckLine badGateway = EntryPointChecks.judge(PORTAL, NODE2, URL, answer(502, "text/plain", "Bad Gateway"));
        assertThat(badGateway.text()).startsWith("portal https://portal.example.com/ through node2 (10.199.0.2): HTTP 502 (text/plain): Bad Gateway;");

        CheckLine refused = EntryPointChecks.judge(PORTAL, NODE2, URL, new Reply(0, "", "", "connection refused: nothing listens on that port"));
        assertThat(refused.passed()).isFalse();
        assertThat(refused.text()).isEqualTo("portal https://portal.example.com/ through node2 (10.199.0.2): no answer: "
                + "connection refused: nothing listens on that port");
    }

    @Test
    void aForbiddenAnswerBehindAnAllowListNamesTheVariableThatMustLetTheConsoleIn() {
        Route restricted = new Route("portaladmin", Route.WEBSECURE, "admin.example.com", "PORTALADMIN_URL_RESTRICT_IP", "10.9.0.0/16",
                Component.PORTAL, List.of("reemo_portal"));
        CheckLine forbidden = EntryPointChecks.judge(restricted, NODE2, "https://admin.example.com/", answer(403, "text/plain", "Forbidden"));

        assertThat(forbidden.passed()).isFalse();
        assertThat(forbidden.text()).startsWith("portaladmin https://admin.example.com/ through node2 (10.199.0.2): HTTP 403 (text/plain): Forbidden;")
                .endsWith(". PORTALADMIN_URL_RESTRICT_IP lets only 10.9.0.0/16 in: the console's own address must be among them for this check");
    }

    @Test
    void duringMaintenanceThePortalUrlMustServeTheMaintenancePageNotThePortal() {
        Route maintenance = new Route("portal", Route.WEBSECURE, "portal.example.com", "PORTAL_URL_RESTRICT_IP", "", Component.MAINTENANCE,
                List.of("reemo_maintenance"));

        assertThat(EntryPointChecks.judge(maintenance, NODE2, URL, answer(503, "text/html", "<h1>Maintenance in progress</h1>")).text())
                .isEqualTo("portal https://portal.example.com/ through node2 (10.199.0.2): HTTP 503 (text/html), the maintenance page");
        CheckLine portal = EntryPointChecks.judge(maintenance, NODE2, URL, answer(200, "text/html", "<html>portal</html>"));
        assertThat(portal.passed()).isFalse();
        assertThat(portal.text()).endsWith("expected the maintenance page (HTTP 200 or 503, text/html, saying \"maintenance\"). "
                + "Maintenance is on, but this is not the maintenance page: is Traefik still routing to the portal?");
    }

    @Test
    void theSignalsAndAnApiCatchAllMustAnswerFromTheServiceNotFromTraefik() {
        Route signal = new Route("signal", Route.SIGNAL, "", "", "", Component.SIGNAL, List.of("reemo_signal1", "reemo_signal2"));
        Route api = new Route("api", Route.WEBSECURE, "", "", "", Component.API, List.of("reemo_api"));

        assertThat(EntryPointChecks.judge(signal, NODE2, "https://portal.example.com:8443/", answer(404, "application/json", "{}")).text())
                .isEqualTo("signals https://portal.example.com:8443/ through node2 (10.199.0.2): HTTP 404 (application/json), "
                        + "answered by reemo_signal1, reemo_signal2");
        CheckLine unavailable = EntryPointChecks.judge(api, NODE2, "https://10.199.0.2/", answer(503, "text/plain", "no available server"));
        assertThat(unavailable.passed()).isFalse();
        assertThat(unavailable.text()).isEqualTo("API https://10.199.0.2/ through node2 (10.199.0.2): HTTP 503 (text/plain): no available "
                + "server; expected an answer from the service behind it (any HTTP status below 500; Traefik answers 502, 503 or 504 "
                + "itself when it cannot reach the service)");
    }

    private static Reply answer(int status, String contentType, String body) {
        return new Reply(status, contentType, body, null);
    }
}
