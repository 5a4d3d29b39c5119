package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmSpec;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Forms one cluster's Swarm (product-calls.md §1): the first node initialises it with its own address, the others
 * join as managers. An existing Swarm is adopted and never re-initialised; its options are never changed.
 * A node that belongs to another Swarm stops the step: the operator decides, not the console.
 */
public final class SwarmMembership {

    /** A node of the cluster with its Docker client, in inventory order. */
    public record Member(String name, String address, DockerClient docker) {
    }

    private SwarmMembership() {
    }

    /** @return the Swarm's cluster id */
    public static String ensure(List<Member> members, Consumer<String> log) {
        Member first = members.get(0);
        SwarmInfo firstInfo = first.docker().infoCmd().exec().getSwarm();
        boolean adopted = state(firstInfo) == LocalNodeState.ACTIVE;
        if (adopted) {
            requireManager(first, firstInfo);
        } else {
            requireInactive(first, firstInfo);
            log.accept(first.name() + ": initialising the Swarm, advertising " + first.address());
            first.docker().initializeSwarmCmd(new SwarmSpec())
                    .withListenAddr("0.0.0.0:2377").withAdvertiseAddr(first.address()).exec();
        }
        var swarm = first.docker().inspectSwarmCmd().exec();
        String clusterId = swarm.getId();
        if (adopted) {
            log.accept(first.name() + ": adopting the existing Swarm " + clusterId + " (its options stay as they are)");
        }
        String managerToken = swarm.getJoinTokens().getManager();
        Set<String> memberIds = first.docker().listSwarmNodesCmd().exec().stream().map(SwarmNode::getId).collect(Collectors.toSet());
        for (Member member : members.subList(1, members.size())) {
            SwarmInfo info = member.docker().infoCmd().exec().getSwarm();
            if (state(info) == LocalNodeState.ACTIVE) {
                if (!memberIds.contains(info.getNodeID())) {
                    throw new SwarmStateException(member.name() + " belongs to another Swarm; make it leave that Swarm"
                            + " (docker swarm leave) or remove it from this cluster");
                }
                requireManager(member, info);
                log.accept(member.name() + ": already a manager of this Swarm");
                continue;
            }
            requireInactive(member, info);
            log.accept(member.name() + ": joining as a manager via " + first.address() + ":2377");
            member.docker().joinSwarmCmd().withRemoteAddrs(List.of(first.address() + ":2377"))
                    .withListenAddr("0.0.0.0:2377").withAdvertiseAddr(member.address()).withJoinToken(managerToken).exec();
        }
        return clusterId;
    }

    private static LocalNodeState state(SwarmInfo info) {
        return info == null || info.getLocalNodeState() == null ? LocalNodeState.INACTIVE : info.getLocalNodeState();
    }

    private static void requireInactive(Member member, SwarmInfo info) {
        LocalNodeState state = state(info);
        if (state != LocalNodeState.INACTIVE && state != LocalNodeState.EMPTY) {
            throw new SwarmStateException(member.name() + ": Swarm state is " + state.name().toLowerCase()
                    + (info.getError() == null || info.getError().isBlank() ? "" : " (" + info.getError() + ")")
                    + "; repair or leave it on the node, then run the job again");
        }
    }

    private static void requireManager(Member member, SwarmInfo info) {
        if (!Boolean.TRUE.equals(info.getControlAvailable())) {
            throw new SwarmStateException(member.name() + " is a worker; Reemo Infra clusters are managers only: promote it"
                    + " (docker node promote) or remove it from this cluster");
        }
    }
}
