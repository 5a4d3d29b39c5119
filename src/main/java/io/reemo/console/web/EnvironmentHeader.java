package io.reemo.console.web;

import io.reemo.console.environment.Topology;

/** What every page of an environment shows above its tab: which environment, and whether it is in maintenance. */
public record EnvironmentHeader(long id, String name, Topology topology, boolean maintenance) {
}
