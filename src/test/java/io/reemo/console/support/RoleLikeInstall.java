package io.reemo.console.support;

import io.reemo.console.environment.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reemo Infra installed on the test bed as the vendor's Ansible role leaves it, by the playbook
 * docker/testbed/role-like/reemo-infra.yml run with Debian's ansible against an operator's inventory; and what a test
 * reads of the nodes afterwards, over SSH as the operator would: commands' output, and the MySQL data files.
 */
public final class RoleLikeInstall {

    public static final String PLAYBOOK = "docker/testbed/role-like/reemo-infra.yml";
    /** Where the role keeps the MySQL data, on the group's first node (bind-mounted at /var/lib/mysql). */
    public static final String DATA_DIR = "/opt/reemo";

    private static final Duration PLAYBOOK_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern RECAP = Pattern.compile("^(\\S+)\\s+:\\s+ok=\\d+\\s+changed=(\\d+)", Pattern.MULTILINE);

    private final TestBed bed;
    private final Path work;

    /** @param work a directory of the test's own: Ansible's home, temp files and SSH control sockets go there */
    public RoleLikeInstall(TestBed bed, Path work) {
        this.bed = bed;
        this.work = work;
    }

    /** One run of the playbook: how long it took and what Ansible printed. */
    public record Run(Duration took, String output) {

        /** Host → number of tasks Ansible reported changed, from the play recap. */
        public Map<String, Integer> changedPerHost() {
            Map<String, Integer> changed = new TreeMap<>();
            Matcher line = RECAP.matcher(output);
            while (line.find()) {
                changed.put(line.group(1), Integer.parseInt(line.group(2)));
            }
            return changed;
        }
    }

    /**
     * Runs the playbook with this inventory file against the bed, the bed's key and host keys (strict checking).
     *
     * @throws AssertionError when Ansible fails or runs past 10 minutes, with its whole output
     */
    public Run run(Path inventory) {
        Path output = work.resolve("ansible-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder("ansible-playbook", "-i", inventory.toString(),
                TestBed.projectFile(PLAYBOOK).toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("ANSIBLE_HOME", work.resolve("ansible-home").toString());
        env.put("ANSIBLE_LOCAL_TEMP", work.resolve("ansible-tmp").toString());
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_HOST_KEY_CHECKING", "True");
        // Ansible's default SSH arguments (connection reuse), plus the bed's host keys.
        env.put("ANSIBLE_SSH_ARGS", "-C -o ControlMaster=auto -o ControlPersist=60s -o IdentitiesOnly=yes "
                + "-o UserKnownHostsFile=" + bed.knownHosts());
        env.put("ANSIBLE_SSH_CONTROL_PATH_DIR", work.resolve("cp").toString());
        long start = System.nanoTime();
        int exit = await(builder, PLAYBOOK_TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String text = read(output);
        if (exit != 0) {
            throw new AssertionError("ansible-playbook " + PLAYBOOK + " failed (exit " + exit + ") after " + took + ":\n" + text);
        }
        return new Run(took, text);
    }

    /**
     * Every file under {@link #DATA_DIR} of the node → its SHA-256, by relative path ({@code ibdata1},
     * {@code reemo/users.ibd}…), read with {@code sha256sum} on the node.
     */
    public Map<String, String> dataFiles(Node node) {
        Map<String, String> files = new TreeMap<>();
        String list = ssh(node, "cd " + DATA_DIR + " && find . -type f -print0 | sort -z | xargs -0 -r sha256sum");
        list.lines().forEach(line -> files.put(line.substring(line.indexOf("  ./") + 4), line.substring(0, line.indexOf(' '))));
        return files;
    }

    /**
     * Runs a command on a node over SSH (bed key, pinned host key) and returns its standard output.
     *
     * @throws AssertionError when it fails, with what it printed
     */
    public String ssh(Node node, String command) {
        List<String> ssh = new ArrayList<>(List.of("ssh", "-i", bed.privateKey().toString(), "-o", "IdentitiesOnly=yes",
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + bed.knownHosts(),
                "-p", String.valueOf(node.sshPort()), node.sshUser() + "@" + node.address(), command));
        Path output = work.resolve("ssh-" + System.nanoTime() + ".out");
        Path errors = work.resolve("ssh-" + System.nanoTime() + ".err");
        int exit = await(new ProcessBuilder(ssh).redirectOutput(output.toFile()).redirectError(errors.toFile()), SSH_TIMEOUT);
        if (exit != 0) {
            throw new AssertionError(node.name() + ": '" + command + "' failed (exit " + exit + "): " + read(errors) + read(output));
        }
        return read(output);
    }

    private static int await(ProcessBuilder builder, Duration timeout) {
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(builder.command().get(0) + " could not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
