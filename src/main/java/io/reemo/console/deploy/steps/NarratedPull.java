package io.reemo.console.deploy.steps;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import io.reemo.console.swarm.WaitNarration;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One image pull on one node, said as it goes: each layer as it completes, the registry's last word, and while nothing
 * completes, where the pull stands ("layer 4f4fb700 Downloading 12/40 MB") at least every second or so.
 */
final class NarratedPull extends ResultCallback.Adapter<PullResponseItem> {

    /** Docker's statuses that end a layer's or the image's pull; the others are progress, said only when quiet. */
    private static final Set<String> MILESTONES = Set.of("Pull complete", "Already exists");

    private final String image;
    private final WaitNarration narration;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile String standing = "waiting for the registry";

    private NarratedPull(String image, Consumer<String> log) {
        this.image = image;
        this.narration = new WaitNarration(log);
    }

    /** Pulls {@code image}; false if it did not end within {@code limit}. */
    static boolean pull(DockerClient docker, String image, AuthConfig auth, Duration limit, Consumer<String> log)
            throws InterruptedException, IOException {
        NarratedPull pull = docker.pullImageCmd(image).withAuthConfig(auth).exec(new NarratedPull(image, log));
        long deadline = System.nanoTime() + limit.toNanos();
        // not awaitCompletion(timeout): docker-java closes the stream when that returns, done or not
        while (!pull.ended.await(1, TimeUnit.SECONDS)) {
            if (System.nanoTime() > deadline) {
                pull.close();
                return false;
            }
            pull.narration.ifQuiet(() -> "pull " + image + ": " + pull.standing);
        }
        pull.awaitCompletion(); // throws the stream's error, if it ended on one
        return true;
    }

    @Override
    public void onComplete() {
        super.onComplete();
        ended.countDown();
    }

    @Override
    public void onError(Throwable error) {
        super.onError(error);
        ended.countDown();
    }

    @Override
    public void onNext(PullResponseItem item) {
        String status = item.getStatus();
        if (status == null) {
            return;
        }
        String layer = item.getId() == null || image.endsWith(":" + item.getId()) ? "" : "layer " + item.getId() + " ";
        standing = layer + status + progress(item);
        if (MILESTONES.contains(status) || layer.isEmpty() && !status.startsWith("Pulling from")) {
            narration.progress(layer.isEmpty() ? image : layer, "pull " + image + ": " + layer + status);
        }
    }

    private static String progress(PullResponseItem item) {
        var detail = item.getProgressDetail();
        if (detail == null || detail.getTotal() == null || detail.getTotal() <= 0 || detail.getCurrent() == null) {
            return "";
        }
        return " " + detail.getCurrent() / (1024 * 1024) + "/" + detail.getTotal() / (1024 * 1024) + " MB";
    }
}
