package io.reemo.console.security;

import org.springframework.security.authentication.AccountStatusException;

/** A directory user whose password was right, but whose groups give no role in the console. */
class NoRoleException extends AccountStatusException {

    NoRoleException(String message) {
        super(message);
    }
}
