package io.reemo.console.security.directory;

import io.reemo.console.secrets.SecretBox;
import io.reemo.console.security.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory settings, one row; the bind password sealed by the {@link SecretBox}, each change audited with it. */
@Service
public class DirectoryStore {

    private static final String COLUMNS = "enabled, url, base_dn, user_search_base, user_search_filter, bind_dn, bind_password,"
            + " group_search_base, group_search_filter, admin_group, operator_group, viewer_group";

    private final JdbcClient db;
    private final SecretBox box;
    private final AuditLog audit;

    DirectoryStore(JdbcClient db, SecretBox box, AuditLog audit) {
        this.db = db;
        this.box = box;
        this.audit = audit;
    }

    /** The saved settings, bind password opened; {@link DirectorySettings#none()} before any was saved. */
    public DirectorySettings load() {
        return db.sql("SELECT " + COLUMNS + " FROM directory_settings WHERE id = 1")
                .query((rs, row) -> new DirectorySettings(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7).isEmpty() ? "" : box.decrypt(rs.getString(7)),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)))
                .optional().orElse(DirectorySettings.none());
    }

    /**
     * Checks and saves. An empty bind password keeps the stored one, but only while the directory's address and the
     * bind account stay the same: the stored password is never sent to a server or account it was not typed for.
     *
     * @return the settings as saved, or the problems (each naming its field) and nothing saved
     */
    @Transactional
    public Result save(DirectorySettings asked) {
        DirectorySettings before = load();
        DirectorySettings settings = asked;
        List<String> problems = new ArrayList<>();
        if (asked.bindPassword().isEmpty() && !before.bindPassword().isEmpty()) {
            if (asked.url().equals(before.url()) && asked.bindDn().equals(before.bindDn())) {
                settings = asked.withBindPassword(before.bindPassword());
            } else if (!asked.bindDn().isEmpty()) {
                problems.add("bindPassword: type the bind password again: the address or the bind account changed, and the"
                        + " stored password is only sent where it was typed for.");
            }
        }
        problems.addAll(settings.problems());
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        audit.record("directory.change", "directory " + settings.url(), describe(settings));
        String sealed = settings.bindPassword().isEmpty() ? "" : box.encrypt(settings.bindPassword());
        db.sql("MERGE INTO directory_settings (id, " + COLUMNS + ") KEY (id) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(settings.enabled(), settings.url(), settings.baseDn(), settings.userSearchBase(), settings.userSearchFilter(),
                        settings.bindDn(), sealed, settings.groupSearchBase(), settings.groupSearchFilter(),
                        settings.adminGroup(), settings.operatorGroup(), settings.viewerGroup())
                .update();
        return new Result(Optional.of(settings), List.of());
    }

    /** What a save did, for the audit trail: every setting but the password, which is only said to be set. */
    private static String describe(DirectorySettings s) {
        return (s.enabled() ? "on" : "off") + ", base " + s.baseDn() + ", users " + s.userSearchFilter() + " under "
                + s.userSearchBase() + ", groups " + s.groupSearchFilter() + " under " + s.groupSearchBase()
                + ", bind " + (s.bindDn().isEmpty() ? "anonymous" : s.bindDn() + " (password set)")
                + ", admin group " + s.adminGroup() + ", operator group " + s.operatorGroup() + ", viewer group " + s.viewerGroup();
    }

    /** @param saved the settings as stored, when there was no problem */
    public record Result(Optional<DirectorySettings> saved, List<String> problems) {
    }
}
