package io.reemo.console.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.reemo.console.catalogue.Component;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.servicelogs.LogSearch;
import io.reemo.console.servicelogs.LoggedService;
import io.reemo.console.servicelogs.NodeSearchResult;
import io.reemo.console.servicelogs.SyslogLine;
import io.reemo.console.swarm.FailedRollout.FailedTask;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The last lines of a failed task: from Docker when it keeps them, else from the node's syslog, masked either way. */
class TaskOutputTest {

    private static final ServiceSpec API = new ServiceSpec("reemo_api", Component.API, "reg:5000/reemoinfraapi:2.14.1-broken", 4, 4,
            List.of(), new TreeMap<>(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of("tag", "reemo_api"), false);
    private static final Instant CREATED = Instant.parse("2026-12-07T02:10:03Z");
    private static final FailedTask EXITED = new FailedTask("t1", "node2", "10.199.0.2", 1, "task: non-zero exit (1)",
            CREATED, CREATED.plusSeconds(1));

    private final DockerClient docker = mock(DockerClient.class, RETURNS_DEEP_STUBS);
    private final LogSearch syslog = mock(LogSearch.class);
    private final SecretMasker masker = new SecretMasker();
    private final TaskOutput output = new TaskOutput(syslog, masker);

    @Test
    void theTasksOwnOutputComesFromDockerMasked() {
        masker.register("s3cret-db-password");
        when(docker.logTaskCmd("t1").withStdout(true).withStderr(true).withTail(TaskOutput.LINES).exec(any())).thenAnswer(call -> {
            ResultCallback.Adapter<Frame> callback = call.getArgument(0);
            callback.onNext(new Frame(StreamType.STDOUT, "api 2.14.1-broken started on 3f2a\n".getBytes(StandardCharsets.UTF_8)));
            callback.onNext(new Frame(StreamType.STDERR, "cannot log in with s3cret-db-password\n".getBytes(StandardCharsets.UTF_8)));
            callback.onComplete();
            return callback;
        });

        TaskOutput.Lines lines = output.of(docker, EXITED, API, Optional.of(Fixtures.node("node2", "10.199.0.2")));

        assertThat(lines.lines()).containsExactly("api 2.14.1-broken started on 3f2a", "cannot log in with ******");
        assertThat(lines.note()).isNull();
        verify(syslog, never()).search(anyList(), any(), any(), any());
    }

    @Test
    void whenDockerKeepsNoCopyTheNodesSyslogWhileTheTaskRanGivesItsLastLinesSaidAsSuch() {
        when(docker.logTaskCmd("t1").withStdout(true).withStderr(true).withTail(TaskOutput.LINES).exec(any()))
                .thenThrow(new BadRequestException("configured logging driver does not support reading"));
        List<SyslogLine> found = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> new SyslogLine("node2", "reemo_api", "", "02:10:0" + i, 0, "line " + i)).toList();
        when(syslog.search(anyList(), any(), any(), any())).thenReturn(List.of(new NodeSearchResult("node2", found, 7, null)));

        TaskOutput.Lines lines = output.of(docker, EXITED, API, Optional.of(Fixtures.node("node2", "10.199.0.2")));

        assertThat(lines.lines()).containsExactly("line 3", "line 4", "line 5", "line 6", "line 7");
        assertThat(lines.note()).isEqualTo("from node2's syslog: the lines of reemo_api while the task ran");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<LoggedService>> services = ArgumentCaptor.forClass(List.class);
        verify(syslog).search(services.capture(), any(), any(), any());
        assertThat(services.getValue()).singleElement().satisfies(service -> {
            assertThat(service.tag()).isEqualTo("reemo_api");
            assertThat(service.nodes()).extracting(n -> n.name()).containsExactly("node2");
        });
    }

    @Test
    void whatCouldNotBeReadIsSaidInsteadOfLines() {
        when(docker.logTaskCmd("t1").withStdout(true).withStderr(true).withTail(TaskOutput.LINES).exec(any()))
                .thenThrow(new BadRequestException("{\"message\":\"configured logging driver does not support reading\"}"));
        when(syslog.search(anyList(), any(), any(), any())).thenReturn(List.of(new NodeSearchResult("node2", List.of(), 0,
                "no readable syslog file (tried /var/log/syslog /var/log/messages): is rsyslog installed?")));

        assertThat(output.of(docker, EXITED, API, Optional.of(Fixtures.node("node2", "10.199.0.2"))).note())
                .isEqualTo("Docker could not give the output of task t1: configured logging driver does not support reading;"
                        + " node2's syslog could not be read either: no readable syslog file (tried /var/log/syslog /var/log/messages):"
                        + " is rsyslog installed?");
        assertThat(output.of(docker, EXITED, API, Optional.empty()).note())
                .endsWith("; node2 is not a node of this environment, so its syslog was not read");

        FailedTask neverRan = new FailedTask("t2", "node2", "10.199.0.2", null, "No such image", CREATED, CREATED);
        assertThat(output.of(docker, neverRan, API, Optional.empty())).isEqualTo(new TaskOutput.Lines(List.of(), null));
    }
}
