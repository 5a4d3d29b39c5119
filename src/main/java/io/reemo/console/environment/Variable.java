package io.reemo.console.environment;

import java.util.List;

/**
 * One variable the console knows, from the vendor's documentation or added by the console.
 *
 * @param defaultValue  the value that applies when the inventory does not set it, {@code null} when there is none;
 *                      {@code {{OTHER}}} means "the value of OTHER" (as the role's syslog facilities do)
 * @param allowedValues the values of an {@link VariableType#ENUM}, empty otherwise
 * @param secret        encrypted at rest, never shown, left out of exports unless asked
 * @param extension     a console extension: the vendor's role does not read it
 * @param help          what it does, in words for the wizard and error messages
 */
public record Variable(String name, Section section, VariableType type, Scope scope, String defaultValue,
                       List<String> allowedValues, boolean secret, boolean extension, String help) {

    /** The wizard's grouping of variables. */
    public enum Section {
        LICENSE, REGISTRY, VERSIONS, DATABASE, PORTAL, CERTIFICATES, RELAYS, INITIALISATION, SYSLOG, OPERATION,
        MAIL, LDAP, CONNECTION, COMMAND_LINE, OTHER_ROLES
    }

    public Variable {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }
}
