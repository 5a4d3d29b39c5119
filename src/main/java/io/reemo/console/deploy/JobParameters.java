package io.reemo.console.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a job is asked to do: one record per {@link JobType}, built by the pages and read from the API's JSON
 * (whose {@code {"type": …}} picks the record, and whose other fields are its components). The components are
 * stored with the job as JSON, values left at their default omitted, as the request would have left them out.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public sealed interface JobParameters
        permits InstallParameters, UpdateParameters, MaintenanceParameters, FactsParameters, CommandParameters, VerifyParameters,
        AdoptParameters {
}
