package io.reemo.console.servicelogs;

/**
 * How one node's part of a live view goes, for the strip above the lines.
 *
 * @param state  {@code connecting}, {@code following} or {@code stopped}
 * @param detail the file followed, or why it stopped
 */
public record NodeState(String node, String state, String detail) {

    static NodeState connecting(String node) {
        return new NodeState(node, "connecting", "");
    }
}
