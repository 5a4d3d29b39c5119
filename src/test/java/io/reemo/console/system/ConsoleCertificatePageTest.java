package io.reemo.console.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.reemo.console.support.ConsoleApiTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The Console certificate page and API where the configuration decides (the tests' plain HTTP): the page says so and
 * offers no upload, and a change is refused before anything is read or audited. The upload itself, on HTTPS, is in
 * {@link ConsoleCertificateHttpsTest}.
 */
class ConsoleCertificatePageTest extends ConsoleApiTest {

    private static final MockMultipartFile GARBAGE = new MockMultipartFile("certificate", "c.pem", "application/x-pem-file",
            "garbage".getBytes(StandardCharsets.UTF_8));

    @Test
    void thePageSaysPlainHttpAndOffersNoUpload() throws Exception {
        String page = mvc.perform(get("/console-certificate").with(admin())).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("From none: the console serves plain HTTP (console.http.plain=true).", "id=\"certificate-fixed\"")
                .doesNotContain("id=\"certificate-upload\"", "id=\"served-fingerprint\"");
    }

    @Test
    void theUsersPageLinksToIt() throws Exception {
        assertThat(mvc.perform(get("/users").with(admin())).andReturn().getResponse().getContentAsString())
                .contains("href=\"/console-certificate\" id=\"console-certificate-link\"");
    }

    @Test
    void changesAreRefusedWithWhereToChangeItAndNotAudited() throws Exception {
        MockHttpServletResponse put = mvc.perform(multipart(HttpMethod.PUT, "/api/v1/console-certificate").file(GARBAGE).with(admin()))
                .andReturn().getResponse();
        MockHttpServletResponse back = mvc.perform(delete("/api/v1/console-certificate").with(admin()).with(csrf())).andReturn().getResponse();
        Object flashed = mvc.perform(multipart("/console-certificate").file(GARBAGE).with(admin()).with(csrf()))
                .andReturn().getFlashMap().get("problems");

        assertThat(put.getStatus()).isEqualTo(409);
        assertThat(put.getContentAsString()).contains("set console.http.plain=false and restart it to serve HTTPS");
        assertThat(back.getStatus()).isEqualTo(409);
        assertThat(flashed).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement().asString()
                .startsWith("The console serves plain HTTP (console.http.plain=true)");
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = ?").param(ConsoleCertificateSettings.AUDIT_ACTION)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theApiDescriptionShowsTheUploadsFields() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(admin())).andReturn().getResponse().getContentAsString();

        assertThat(docs).contains("/api/v1/console-certificate", "multipart/form-data", "Console certificate");
        assertThat(List.of("certificate", "key", "pkcs12", "password")).allSatisfy(field -> assertThat(docs).contains("\"" + field + "\""));
    }
}
