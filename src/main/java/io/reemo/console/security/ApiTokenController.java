package io.reemo.console.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Bearer tokens for scripts (Authorization: Bearer rct_…)")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** @param expiresInDays 1 to 366; 90 when left out */
    record NewToken(@NotBlank @Size(max = ApiTokens.MAX_NAME_LENGTH) String name, @Min(1) @Max(ApiTokens.MAX_DAYS) Integer expiresInDays) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token for the calling user, signed in with their password (a token cannot issue tokens);"
            + " {\"name\": \"ci\", \"expiresInDays\": 30} (1 to 366, 90 when left out). The token is in this answer only;"
            + " it has the user's role as it is at each request, and dies when the user is disabled.")
    ApiTokens.IssuedToken issue(@Valid @RequestBody NewToken request, Authentication user) {
        if (user instanceof ApiTokenAuthentication) {
            throw new AccessDeniedException("Issue tokens signed in with your password (HTTP Basic), not with a token: a stolen"
                    + " token must not outlive its revocation.");
        }
        return tokens.issue(user.getName(), request.name(), request.expiresInDays() == null ? ApiTokens.DEFAULT_DAYS : request.expiresInDays());
    }

    @GetMapping
    @Operation(summary = "The calling user's tokens (never the token values)")
    List<ApiTokens.TokenInfo> list(Principal user) {
        return tokens.list(user.getName());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of the calling user's tokens")
    ResponseEntity<Void> revoke(@PathVariable long id, Principal user) {
        return tokens.revoke(user.getName(), id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
