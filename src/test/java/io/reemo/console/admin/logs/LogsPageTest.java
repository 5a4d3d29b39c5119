package io.reemo.console.admin.logs;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.servicelogs.LogPattern;
import io.reemo.console.servicelogs.LogSearch;
import io.reemo.console.servicelogs.LoggedService;
import io.reemo.console.servicelogs.NodeSearchResult;
import io.reemo.console.servicelogs.SyslogLine;
import io.reemo.console.support.ConsoleApiTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The Logs page and the search through MockMvc; the nodes' answers are stood in for (LogSearch is mocked). */
class LogsPageTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @MockitoBean
    private LogSearch search;

    @Test
    void thePageOffersTheEnvironmentsServicesThePresetsAndStreamsNothingUntilServicesAreTicked() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        mvc.perform(get("/environments/" + id + "/logs").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-current=\"page\" class=\"active\">Logs</a>")))
                .andExpect(content().string(containsString("name=\"services\" value=\"reemo_portal\"")))
                .andExpect(content().string(containsString("name=\"services\" value=\"traefik\"")))
                .andExpect(content().string(containsString(">Traefik 5xx</a>")))
                .andExpect(content().string(containsString(">HTTP 500</a>")))
                .andExpect(content().string(not(containsString("sse-connect"))));
    }

    @Test
    void tickedServicesOpenALiveViewFromAFixedStartAndABadStartIsExplainedBesideTheField() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        mvc.perform(get("/environments/" + id + "/logs").param("services", "reemo_portal", "traefik").param("from", "2026-11-26 14:05").with(operator()))
                .andExpect(content().string(containsString("sse-connect=\"/environments/" + id
                        + "/logs/stream?services=reemo_portal&amp;services=traefik&amp;from=2026-11-26T14:05:00Z\"")))
                .andExpect(content().string(containsString("/logs/download?services=reemo_portal&amp;services=traefik&amp;from=2026-11-26T14:05:00Z")));

        mvc.perform(get("/environments/" + id + "/logs").param("services", "reemo_portal").param("from", "yesterday").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"live-from-problem\">&quot;yesterday&quot; is not a time.")))
                .andExpect(content().string(not(containsString("sse-connect"))));
        mvc.perform(get("/environments/" + id + "/logs").param("services", "reemo_nothing").with(operator()))
                .andExpect(content().string(containsString("This environment runs no service named reemo_nothing.")));
    }

    @Test
    void aPresetFillsTheFormAndRunsAndEachNodeAnswersInItsOwnSection() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        SyslogLine line = SyslogLine.parse("infra1", "Nov 26 02:30:01 infra1 traefik[9]: \"GET / HTTP/1.1\" 502 0", Set.of("traefik"));
        when(search.search(any(), any(), any(), any())).thenReturn(List.of(
                new NodeSearchResult("infra1", List.of(line), 501, null),
                new NodeSearchResult("infra2", List.of(), 0, "infra2 (10.0.0.2:22): cannot connect: No route to host"),
                new NodeSearchResult("infra3", List.of(), 0, null)));

        mvc.perform(get("/environments/" + id + "/logs/search").param("preset", "traefik-5xx").header("HX-Request", "true").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"search-pattern\" name=\"pattern\" value=\"&quot; 5[0-9][0-9] [0-9]\"")))
                .andExpect(content().string(containsString("name=\"services\" value=\"traefik\" checked=\"checked\"")))
                .andExpect(content().string(containsString("501 matching lines")))
                .andExpect(content().string(allOf(containsString("<span class=\"nd\">infra1</span> <span class=\"sv\">traefik</span>"),
                        containsString("&quot;GET / HTTP/1.1&quot; 502 0"), containsString("500 more matching lines on infra1 not shown"))))
                .andExpect(content().string(containsString("infra2 (10.0.0.2:22): cannot connect: No route to host")))
                .andExpect(content().string(containsString("data-node=\"infra3\"")));
        verify(search).search(eq(List.of(new LoggedService("traefik", "traefik", environments.get(id).nodes()))),
                eq(new LogPattern("\" 5[0-9][0-9] [0-9]", true)), isNull(), isNull());
    }

    @Test
    void aBadRegexOrTimeIsExplainedBesideItsFieldAndNothingRuns() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        mvc.perform(get("/environments/" + id + "/logs/search").param("pattern", "([a").param("regex", "true")
                        .param("from", "last week").header("HX-Request", "true").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"search-pattern-problem\">Not a valid regular expression: Unclosed character class")))
                .andExpect(content().string(containsString("id=\"search-from-problem\">&quot;last week&quot; is not a time.")))
                .andExpect(content().string(not(containsString("search-results"))));
        mvc.perform(get("/environments/" + id + "/logs/search").param("pattern", "x").param("from", "1h").param("until", "2h").with(operator()))
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("id=\"search-until-problem\">Must be after the start of the range.")));
        verify(search, never()).search(any(), any(), any(), any());
    }

    @Test
    void handMadeStreamAndDownloadLinksWithBadValuesGetAPlain400NamingTheField() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        mvc.perform(get("/environments/" + id + "/logs/download").param("from", "soon").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("from: \"soon\" is not a time.")));
        mvc.perform(get("/environments/" + id + "/logs/stream").param("services", "nope").param("from", "1m").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("services: This environment runs no service named nope.")));
        mvc.perform(get("/environments/999999/logs").with(operator())).andExpect(status().isNotFound());
    }
}
