package io.reemo.console.environment;

/**
 * How the console logs in to a node. Exactly one of the three is set, as {@link #kind()} says.
 *
 * @param privateKeyPem  a key held by the console (encrypted at rest), OpenSSH or PEM format
 * @param privateKeyFile {@code ansible_ssh_private_key_file}: a key file on the console's machine
 * @param password       {@code ansible_password} (encrypted at rest)
 */
public record SshAuth(Kind kind, String privateKeyPem, String privateKeyFile, String password) {

    public enum Kind { KEY, KEY_FILE, PASSWORD }

    public static SshAuth key(String pem) {
        return new SshAuth(Kind.KEY, pem, null, null);
    }

    public static SshAuth keyFile(String path) {
        return new SshAuth(Kind.KEY_FILE, null, path, null);
    }

    public static SshAuth password(String password) {
        return new SshAuth(Kind.PASSWORD, null, null, password);
    }

    @Override
    public String toString() {
        return "SshAuth[" + kind + (kind == Kind.KEY_FILE ? " " + privateKeyFile : "") + "]";
    }
}
