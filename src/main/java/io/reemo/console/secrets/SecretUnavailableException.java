package io.reemo.console.secrets;

/** A stored secret cannot be read back: its key is missing from the keyring, or its data is damaged. */
public class SecretUnavailableException extends RuntimeException {

    public SecretUnavailableException(String message) {
        super(message);
    }
}
