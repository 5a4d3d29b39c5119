package io.reemo.console.system;

/** The console's certificate cannot be changed here: the configuration decides it (server.ssl.*, or plain HTTP). */
class CertificateFixedException extends RuntimeException {

    CertificateFixedException(String message) {
        super(message);
    }
}
