/**
 * The day-2 console of one installed environment: its frame (header, tabs, maintenance banner) and, in
 * sub-packages by feature, the dashboard, the updates, the maintenance toggle and the service logs.
 */
package io.reemo.console.admin;
