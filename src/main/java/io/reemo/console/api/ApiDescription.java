package io.reemo.console.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's frame: what the API is, and how a script signs in, so that Swagger UI's Authorize button
 * takes an API token (or a user name and password) and "Try it out" sends it. The API keeps no session, so the
 * browser's own sign-in does not reach it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BEARER = "apiToken";
    static final String BASIC = "password";

    @Bean
    OpenAPI consoleApi() {
        return new OpenAPI()
                .info(new Info().title("Reemo Infra Console API").version("v1").description("Environments, jobs, plans, "
                        + "inventories, users, tokens and the audit trail of the Reemo Infra Console. Every error is an RFC 9457 "
                        + "problem document whose problems name the field, line and column. Scripts sign in with a token or a"
                        + " password on each request; a person signed in on the console's pages calls it with their session"
                        + " (here, in Swagger UI, without Authorize), whose CSRF token goes with what changes something."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token: made on your account page (/account) or with POST /api/v1/tokens."))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A console user name and password (throttled like the sign-in form).")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
