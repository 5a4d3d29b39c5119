package io.reemo.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.support.Browser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=browser-pass", "console.data-dir=target/test-data/login-browser"})
class LoginBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void signsInAndSeesTheEnvironmentsPage() {
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
            browser.screenshot("login");

            browser.submitLogin("admin", "wrong");
            assertThat(browser.driver().findElement(By.cssSelector(".alert.error")).getText()).contains("Wrong user name or password");

            browser.login("admin", "browser-pass");
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Environments"));
            assertThat(browser.driver().findElement(By.cssSelector(".topbar .user")).getText()).isEqualTo("admin");
            browser.screenshot("home");
        }
    }
}
