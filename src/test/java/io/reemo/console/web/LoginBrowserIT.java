package io.reemo.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.support.Browser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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

            // Swagger UI tries the API as the signed-in admin: a token issued with the session and its CSRF token
            browser.open("/swagger-ui.html");
            By issue = By.xpath("//div[contains(@class,'opblock-post')][.//*[contains(@class,'opblock-summary-path')]"
                    + "[normalize-space()='/api/v1/tokens']]");
            WebElement operation = browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(issue));
            operation.findElement(By.cssSelector(".opblock-summary")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                    operation.findElement(By.cssSelector(".try-out__btn")))).click();
            WebElement body = operation.findElement(By.cssSelector("textarea.body-param__text"));
            body.clear();
            body.sendKeys("{\"name\": \"tried in Swagger UI\", \"expiresInDays\": 1}");
            operation.findElement(By.cssSelector("button.execute")).click();
            By status = By.cssSelector(".live-responses-table tbody .response-col_status");
            browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfNestedElementLocatedBy(operation, status));
            assertThat(operation.findElement(status).getText()).startsWith("201");
            assertThat(operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_description")).getText())
                    .contains("rct_").contains("tried in Swagger UI");
            browser.screenshot("swagger-try-it-out");
        }
    }
}
