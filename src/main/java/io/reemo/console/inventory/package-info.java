/**
 * The Ansible inventory: import (every problem with its line and column, hostile YAML refused) and export.
 */
@ApplicationModule(allowedDependencies = "environment")
package io.reemo.console.inventory;

import org.springframework.modulith.ApplicationModule;
