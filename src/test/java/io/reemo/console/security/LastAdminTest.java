package io.reemo.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.support.ConsoleApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.ResponseStatusException;

/** Two administrators who disable or demote each other at the same moment leave one of them an enabled administrator. */
class LastAdminTest extends ConsoleApiTest {

    @Autowired
    private UserAccounts accounts;

    @Test
    void twoAdministratorsDisablingEachOtherAtOnceLeaveOne() throws Exception {
        for (int round = 0; round < 10; round++) {
            String ann = "ann" + round;
            String bob = "bob" + round;
            accounts.create(ann, "ann-long-passphrase", Roles.ADMIN, false);
            accounts.create(bob, "bob-long-passphrase", Roles.ADMIN, false);
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Future<Boolean>> changes = new ArrayList<>();
            changes.add(two.submit(change(together, () -> accounts.change(ann, bob, null, false, null))));
            // every other round bob demotes ann instead of disabling her
            boolean demote = round % 2 == 1;
            changes.add(two.submit(change(together, () -> accounts.change(bob, ann, demote ? Roles.VIEWER : null,
                    demote ? null : false, null))));
            int made = 0;
            for (Future<Boolean> change : changes) {
                made += change.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            two.shutdown();
            assertThat(made).as("round " + round).isEqualTo(1);
            List<UserAccounts.Account> left = accounts.list().stream()
                    .filter(a -> a.username().equals(ann) || a.username().equals(bob))
                    .filter(a -> a.enabled() && a.role().equals(Roles.ADMIN)).toList();
            assertThat(left).as("round " + round).hasSize(1);
        }
    }

    /** Whether the change was made; refused is false. */
    private static Callable<Boolean> change(CyclicBarrier together, Callable<UserAccounts.Account> change) {
        return () -> {
            together.await();
            try {
                change.call();
                return true;
            } catch (ResponseStatusException refused) {
                assertThat(refused.getReason()).contains("you are no longer an enabled administrator");
                return false;
            }
        };
    }
}
