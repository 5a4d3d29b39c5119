package io.reemo.console.wizard;

import io.reemo.console.deploy.FactsParameters;
import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.DuplicateEnvironmentNameException;
import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.NodeFacts;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.job.Job;
import io.reemo.console.job.Jobs;
import io.reemo.console.node.NodeSessions;
import io.reemo.console.node.SshException;
import io.reemo.console.security.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The Nodes page: the servers of each cluster, how to log in to them, and their host keys. */
@Controller
class NodesController {

    private final WizardDrafts drafts;
    private final WizardFrame frame;
    private final NodeSessions sessions;
    private final Environments environments;
    private final JobLauncher launcher;
    private final Jobs jobs;
    private final AuditLog audit;

    NodesController(WizardDrafts drafts, WizardFrame frame, NodeSessions sessions, Environments environments, JobLauncher launcher,
                    Jobs jobs, AuditLog audit) {
        this.audit = audit;
        this.drafts = drafts;
        this.frame = frame;
        this.sessions = sessions;
        this.environments = environments;
        this.launcher = launcher;
        this.jobs = jobs;
    }

    /** The Add node form, kept when it is refused so nothing typed is lost (except the secrets). */
    public record NodeForm(String group, String name, String address, Integer port, String user, String authKind,
                    String privateKeyFile) {
    }

    @GetMapping("/wizard/{id}/nodes")
    String page(@PathVariable long id, @RequestParam(required = false) String facts, Model model) {
        model.addAttribute("factsFor", facts);
        return render(draft(id), model, new NodeForm(null, "", "", 22, "root", "KEY_FILE", ""), List.of());
    }

    /** Adds a node, or changes the address and login of the node of that name (an imported node has no credential). */
    @PostMapping("/wizard/{id}/nodes")
    String add(@PathVariable long id, @RequestParam(required = false) String group, @RequestParam String name,
               @RequestParam String address, @RequestParam(required = false) Integer port, @RequestParam(required = false) String user,
               @RequestParam String authKind, @RequestParam(required = false) String privateKey,
               @RequestParam(required = false) MultipartFile privateKeyUpload, @RequestParam(required = false) String privateKeyFile,
               @RequestParam(required = false) String password, Model model) throws IOException {
        Draft draft = draft(id);
        String cluster = group == null || group.isBlank() ? draft.environment().clusters().get(0).group() : group;
        NodeForm form = new NodeForm(cluster, name.strip(), address.strip(), port, user, authKind, privateKeyFile);
        String pem = privateKeyUpload != null && !privateKeyUpload.isEmpty()
                ? new String(privateKeyUpload.getBytes(), StandardCharsets.UTF_8) : privateKey;
        List<String> errors = new java.util.ArrayList<>();
        if (form.name().isEmpty()) {
            errors.add("Name: give the node a name, e.g. node1 (its name in the inventory).");
        }
        if (form.address().isEmpty()) {
            errors.add("Address: give the IP address or host name the console reaches the node at over SSH.");
        }
        SshAuth auth = switch (authKind) {
            case "KEY" -> blank(pem) ? null : SshAuth.key(pem.strip() + "\n");
            case "PASSWORD" -> blank(password) ? null : SshAuth.password(password);
            default -> blank(privateKeyFile) ? null : SshAuth.keyFile(privateKeyFile.strip());
        };
        if (auth == null) {
            errors.add("Login: paste or upload a private key, give the path of a key file, or type the password.");
        }
        if (!errors.isEmpty()) {
            return render(draft, model, form, errors);
        }
        Optional<Node> existing = draft.environment().node(form.name());
        Node node = new Node(form.name(), form.address(), port == null ? 22 : port, user, auth, null,
                existing.map(Node::vars).orElse(null), null);
        if (existing.isPresent()) {
            // The same server keeps its pinned key and facts; another address must be pinned again.
            Node before = existing.get();
            boolean sameServer = before.address().equals(node.address()) && before.sshPort() == node.sshPort();
            Node updated = sameServer ? node.withHostKey(before.hostKeySha256()).withFacts(before.facts()) : node;
            drafts.save(draft.with(DraftShapes.changeNode(draft.environment(), form.name(), n -> updated)));
        } else {
            drafts.save(draft.with(DraftShapes.addNode(draft.environment(), cluster, node)));
        }
        return "redirect:/wizard/" + id + "/nodes";
    }

    @PostMapping("/wizard/{id}/nodes/{name}/remove")
    String remove(@PathVariable long id, @PathVariable String name) {
        Draft draft = draft(id);
        drafts.save(draft.with(DraftShapes.removeNode(draft.environment(), name)));
        return "redirect:/wizard/" + id + "/nodes";
    }

    /** Reads the host key the node presents, for the operator to compare and pin (htmx: the dialog). */
    @PostMapping("/wizard/{id}/nodes/{name}/probe")
    String probe(@PathVariable long id, @PathVariable String name, Model model) {
        Node node = node(draft(id), name);
        model.addAttribute("id", id);
        model.addAttribute("node", node);
        try {
            String fingerprint = sessions.probeHostKey(node);
            model.addAttribute("fingerprint", fingerprint);
            String pinned = pinnedBefore(draft(id), node);
            model.addAttribute("replaces", pinned == null || pinned.equals(fingerprint) ? null : pinned);
        } catch (SshException e) {
            model.addAttribute("probeError", e.getMessage());
        }
        return "wizard/nodes :: dialog";
    }

    /**
     * Pins the key the dialog showed. Replacing a key pinned before (in the draft, or on the installed environment a
     * Settings draft edits) needs {@code replace}, the dialog's confirmation; every pin is audited with both keys.
     */
    @PostMapping("/wizard/{id}/nodes/{name}/pin")
    String pin(@PathVariable long id, @PathVariable String name, @RequestParam String sha256,
               @RequestParam(defaultValue = "false") boolean replace) {
        Draft draft = draft(id);
        String fingerprint = sha256.strip();
        if (!Node.isHostKeyPin(fingerprint)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sha256: the host key must read SHA256:<43 base64 characters>,"
                    + " as ssh-keygen -l -E sha256 prints it.");
        }
        String pinned = pinnedBefore(draft, node(draft, name));
        if (pinned != null && !pinned.equals(fingerprint) && !replace) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, name + " already has the pinned key " + pinned
                    + ": confirm the replacement in the dialog (replace=true) to pin " + fingerprint + ".");
        }
        audit.record(pinned == null ? "host-key.pin" : "host-key.replace", draft.environment().name() + "/" + name + " (setup draft " + id + ")",
                pinned == null || pinned.equals(fingerprint) ? fingerprint : fingerprint + " replaces " + pinned);
        drafts.save(draft.with(DraftShapes.changeNode(draft.environment(), name, n -> n.withHostKey(fingerprint))));
        return "redirect:/wizard/" + id + "/nodes?facts=" + name;
    }

    /** The key the node has now: the draft's, or for a Settings draft whose address change cleared it, the installed one. */
    private String pinnedBefore(Draft draft, Node node) {
        if (node.hostKeySha256() != null || !draft.editsInstalled()) {
            return node.hostKeySha256();
        }
        return environments.get(draft.environment().id()).node(node.name()).map(Node::hostKeySha256).orElse(null);
    }

    /**
     * Starts a facts job on one node. Jobs run on stored environments, so the draft is stored (unvalidated) from its
     * first connection test on; the draft keeps that id, and the install saves over the same environment.
     */
    @PostMapping("/wizard/{id}/nodes/{name}/facts")
    String startFacts(@PathVariable long id, @PathVariable String name, Authentication user, Model model) {
        Draft draft = draft(id);
        model.addAttribute("id", id);
        model.addAttribute("node", node(draft, name));
        Environment stored;
        if (draft.editsInstalled()) {
            // The installed environment changes only on Apply: a node it does not have yet is read after that.
            stored = environments.get(draft.environment().id());
            Node node = node(draft, name);
            if (stored.node(name).filter(n -> n.address().equals(node.address()) && n.sshPort() == node.sshPort()).isEmpty()) {
                model.addAttribute("factsError", "The installed environment does not have " + name + " at this address yet:"
                        + " its facts are read once the change is applied.");
                return "wizard/nodes :: facts";
            }
        } else {
            try {
                stored = environments.save(draft.environment(), Edit.of(RevisionCause.WIZARD, user.getName()));
            } catch (DuplicateEnvironmentNameException e) {
                model.addAttribute("factsError", "An environment named " + draft.environment().name()
                        + " already exists: choose another name on the Topology page, then test again.");
                return "wizard/nodes :: facts";
            }
            drafts.save(draft.with(draft.environment().withId(stored.id())));
        }
        Job job = launcher.start(stored.id(), new FactsParameters(List.of(name)), user);
        model.addAttribute("job", job);
        return "wizard/nodes :: facts";
    }

    /** The facts job's outcome once it ends (htmx polls until then): what the node is, against the minimums. */
    @GetMapping("/wizard/{id}/nodes/{name}/facts/{jobId}")
    String facts(@PathVariable long id, @PathVariable String name, @PathVariable long jobId, Model model) {
        Draft draft = draft(id);
        Job job = jobs.get(jobId);
        model.addAttribute("id", id);
        model.addAttribute("job", job);
        Node node = node(draft, name);
        if (job.finished() && draft.environment().id() != null) {
            NodeFacts facts = environments.get(draft.environment().id()).node(name).map(Node::facts).orElse(null);
            Draft updated = drafts.save(draft.with(DraftShapes.changeNode(draft.environment(), name, n -> n.withFacts(facts))));
            node = node(updated, name);
            model.addAttribute("hardware", frame.problems(updated).stream().filter(p -> name.equals(p.host())).toList());
        }
        model.addAttribute("node", node);
        return "wizard/nodes :: facts";
    }

    @PostMapping("/wizard/{id}/nodes/continue")
    String move(@PathVariable long id, @RequestParam(defaultValue = "next") String go) {
        draft(id);
        return "redirect:/wizard/" + id + "/" + ("back".equals(go) ? "topology" : WizardPage.LICENSE_PAGE.slug());
    }

    private String render(Draft draft, Model model, NodeForm form, List<String> errors) {
        List<Problem> problems = frame.problems(draft);
        model.addAttribute("form", form);
        model.addAttribute("formErrors", errors);
        model.addAttribute("groups", draft.environment().clusters().stream().map(Cluster::group).toList());
        model.addAttribute("nodeProblems", frame.of(WizardPage.NODES, problems));
        return frame.render(model, draft, WizardPage.NODES, problems, "wizard/nodes");
    }

    private Draft draft(long id) {
        return drafts.require(id);
    }

    private static Node node(Draft draft, String name) {
        return draft.environment().node(name).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "The setup has no node named " + name + "."));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
