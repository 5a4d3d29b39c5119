package io.reemo.console.inventory;

/** The Ansible connection variables the console honours, wherever Ansible allows them. */
final class Connection {

    static final String HOST = "ansible_host";
    static final String PORT = "ansible_port";
    static final String USER = "ansible_user";
    static final String KEY_FILE = "ansible_ssh_private_key_file";
    static final String PASSWORD = "ansible_password";

    private Connection() {
    }
}
