package io.reemo.console.deploy;

import io.reemo.console.job.Job;
import io.reemo.console.security.Roles;
import org.springframework.security.core.Authentication;

/** Who may do what with jobs: everyone signed in watches; each type names the role that starts it; cancel is for admins and the starter. */
public final class JobPermissions {

    private JobPermissions() {
    }

    public static boolean mayStart(Authentication user, JobType<?> type) {
        return Roles.atLeast(user, type.role());
    }

    public static boolean mayCancel(Authentication user, Job job) {
        return Roles.isAdmin(user) || user != null && job.startedBy().equals(user.getName());
    }
}
