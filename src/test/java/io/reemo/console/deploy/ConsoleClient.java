package io.reemo.console.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The console's API as a script would use it: HTTP Basic, JSON, and SSE read off the wire. */
public final class ConsoleClient {

    public record Response(int status, JsonNode json, String body) {
    }

    /** One server-sent event as a client sees it. */
    public record Event(String id, String name, String data) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String authorization;

    public ConsoleClient(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response post(String path, Map<String, Object> body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    public Response put(String path, Map<String, Object> body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    public Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    public Response postYaml(String path, String yaml) {
        return send(request(path).header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)).build());
    }

    /** Imports an inventory of the bed and pins its nodes' host keys, as an operator would; returns the environment id. */
    public long importAndPin(String name, String inventory, io.reemo.console.support.TestBed bed) {
        Response created = postYaml("/api/v1/environments/import?name=" + name, inventory);
        if (created.status() != 201) {
            throw new AssertionError("import: HTTP " + created.status() + " " + created.body());
        }
        long id = created.json().get("id").asLong();
        for (io.reemo.console.environment.Node node : bed.nodes()) {
            Response pinned = put("/api/v1/environments/" + id + "/nodes/" + node.name() + "/host-key",
                    Map.of("sha256", node.hostKeySha256()));
            if (pinned.status() != 200) {
                throw new AssertionError("pin " + node.name() + ": HTTP " + pinned.status() + " " + pinned.body());
            }
        }
        return id;
    }

    /**
     * Imports the inventory, pins the host keys and installs with INIT_DB, as the pages of an installed environment
     * need it; fails the test with the job's log unless the install succeeds. Returns the environment id.
     */
    public long importAndInstall(String name, String inventory, io.reemo.console.support.TestBed bed) throws InterruptedException {
        long id = importAndPin(name, inventory, bed);
        JsonNode install = runJob(id, Map.of("type", "install", "initDb", true), Duration.ofMinutes(6));
        if (!"succeeded".equals(install.get("status").asString())) {
            throw new AssertionError("install " + install.get("status").asString() + ":\n" + log(install));
        }
        return id;
    }

    /** Starts a job and waits for its end; returns the finished job. */
    public JsonNode runJob(long environmentId, Map<String, Object> request, Duration timeout) throws InterruptedException {
        Response started = post("/api/v1/environments/" + environmentId + "/jobs", request);
        if (started.status() != 202) {
            throw new AssertionError("start " + request + ": HTTP " + started.status() + " " + started.body());
        }
        return awaitEnd(started.json().get("id").asLong(), timeout);
    }

    public String log(JsonNode job) {
        return get("/api/v1/jobs/" + job.get("id").asLong() + "/log").body();
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    public JsonNode json(String text) {
        return json.readTree(text);
    }

    /** Waits until the job's status is final; returns the job. */
    public JsonNode awaitEnd(long jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode job = get("/api/v1/jobs/" + jobId).json();
            String status = job.get("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " still " + status + " after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /**
     * Reads the job's event stream from {@code lastEventId} (header; {@code null} for none) until the
     * stream ends or {@code onEvent} returns false (then it disconnects).
     */
    public void events(long jobId, String lastEventId, Predicate<Event> onEvent) throws IOException, InterruptedException {
        HttpRequest.Builder request = request("/api/v1/jobs/" + jobId + "/events").header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError("events: HTTP " + response.statusCode());
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        if (!onEvent.test(new Event(id, name, data.toString()))) {
                            return;
                        }
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6);
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5));
                }
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5)).header("Authorization", authorization);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode node = null;
            if (body != null && (body.startsWith("{") || body.startsWith("["))) {
                node = json.readTree(body);
            }
            return new Response(response.statusCode(), node, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
