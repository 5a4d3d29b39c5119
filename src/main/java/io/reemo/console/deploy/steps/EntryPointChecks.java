package io.reemo.console.deploy.steps;

import io.reemo.console.catalogue.Component;
import io.reemo.console.catalogue.Route;
import io.reemo.console.environment.Node;
import io.reemo.console.health.PortalProbe.Reply;
import java.util.Locale;

/**
 * What each of Traefik's routes must answer through a node, by what it serves (product-calls.md §21), and the line
 * that says so: the URL, the node, what came back, and what was expected instead.
 */
final class EntryPointChecks {

    private EntryPointChecks() {
    }

    /** What a route's first page must be. */
    enum Expectation {
        PORTAL_PAGE("the portal's page", "HTTP 200, text/html"),
        MAINTENANCE_PAGE("the maintenance page", "HTTP 200 or 503, text/html, saying \"maintenance\""),
        BACKEND_ANSWER("an answer from the service behind it",
                "any HTTP status below 500; Traefik answers 502, 503 or 504 itself when it cannot reach the service");

        private final String what;
        private final String rule;

        Expectation(String what, String rule) {
            this.what = what;
            this.rule = rule;
        }

        static Expectation of(Route route) {
            return switch (route.serves()) {
                case PORTAL -> PORTAL_PAGE;
                case MAINTENANCE -> MAINTENANCE_PAGE;
                default -> BACKEND_ANSWER;
            };
        }

        boolean met(Reply reply) {
            return switch (this) {
                case PORTAL_PAGE -> reply.status() == 200 && reply.contentType().equals("text/html");
                case MAINTENANCE_PAGE -> (reply.status() == 200 || reply.status() == 503) && reply.contentType().equals("text/html")
                        && reply.body().toLowerCase(Locale.ROOT).contains("maintenance");
                case BACKEND_ANSWER -> reply.status() < 500;
            };
        }
    }

    /** @param url what was asked, as {@code PortalProbe.url} writes it */
    static CheckLine judge(Route route, Node node, String url, Reply reply) {
        String where = label(route) + " " + url + " through " + node.name() + " (" + node.address() + ")";
        if (!reply.answered()) {
            return CheckLine.fail(where + ": no answer: " + reply.failure());
        }
        Expectation expected = Expectation.of(route);
        if (expected.met(reply)) {
            String type = reply.contentType().isEmpty() ? "" : " (" + reply.contentType() + ")";
            String what = expected == Expectation.BACKEND_ANSWER ? "answered by " + String.join(", ", route.backends()) : expected.what;
            return CheckLine.pass(where + ": HTTP " + reply.status() + type + ", " + what);
        }
        return CheckLine.fail(where + ": " + reply.describe() + "; expected " + expected.what + " (" + expected.rule + ")"
                + hint(route, reply));
    }

    /** The router's name in Traefik's configuration ({@code portal}, {@code portaladmin}), or what the route serves. */
    private static String label(Route route) {
        return switch (route.serves()) {
            case SIGNAL -> "signals";
            case API -> "API";
            default -> route.name();
        };
    }

    private static String hint(Route route, Reply reply) {
        if (reply.status() == 403 && !route.allowList().isBlank()) {
            return ". " + route.allowListVariable() + " lets only " + route.allowList()
                    + " in: the console's own address must be among them for this check";
        }
        if (route.serves() == Component.MAINTENANCE && reply.status() == 200) {
            return ". Maintenance is on, but this is not the maintenance page: is Traefik still routing to the portal?";
        }
        return "";
    }
}
