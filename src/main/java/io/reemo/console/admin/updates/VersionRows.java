package io.reemo.console.admin.updates;

import io.reemo.console.catalogue.CatalogueInput;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.catalogue.UpdateTags;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.VariableCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The versions table of an environment, read from what the catalogue would deploy: no server is asked. */
@Component
class VersionRows {

    private final ServiceCatalogue catalogue;
    private final VariableCatalogue variables;

    VersionRows(ServiceCatalogue catalogue, VariableCatalogue variables) {
        this.catalogue = catalogue;
        this.variables = variables;
    }

    /** One row per update tag whose services this environment deploys, in the role's tag order. */
    List<VersionRow> of(Environment environment) {
        List<ServiceSpec> services = catalogue.desiredState(environment, CatalogueInput.withoutTls()).clusters().stream()
                .flatMap(cluster -> cluster.services().stream()).toList();
        List<VersionRow> rows = new ArrayList<>();
        for (String tag : UpdateTags.ALL) {
            List<ServiceSpec> tagged = services.stream().filter(s -> tag.equals(s.tag())).toList();
            if (!tagged.isEmpty()) {
                rows.add(row(tag, tagged));
            }
        }
        return rows;
    }

    static Optional<VersionRow> find(List<VersionRow> rows, String tag) {
        return rows.stream().filter(row -> row.tag().equals(tag)).findFirst();
    }

    /** Image {@code host[:port]/<repository>:<version>}; every service of one tag runs the same image. */
    private VersionRow row(String tag, List<ServiceSpec> tagged) {
        ServiceSpec first = tagged.get(0);
        String image = first.image();
        int colon = image.lastIndexOf(':');
        String component = first.component().imageComponent();
        return new VersionRow(tag, tagged.stream().map(ServiceSpec::name).distinct().toList(),
                image.substring(image.indexOf('/') + 1, colon), VariableCatalogue.versionVariable(component),
                image.substring(colon + 1), variables.defaultVersion(component));
    }
}
