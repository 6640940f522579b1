package org.markguard.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.markguard.api.SourceDefinition;
import org.markguard.api.SourceService;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sources live in ConfigAdmin as factory configurations of {@code markguard.source}, named by the
 * source name: whether made through REST or dropped as {@code etc/markguard.source-<name>.cfg},
 * there is one store and one format, and every Karaf node sharing the config sees the same sources.
 */
@Component(service = SourceService.class)
public class ConfigAdminSourceService implements SourceService {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigAdminSourceService.class);

    @Reference
    private ConfigurationAdmin configAdmin;

    public ConfigAdminSourceService() {
    }

    ConfigAdminSourceService(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    @Override
    public List<SourceDefinition> list() {
        List<SourceDefinition> sources = new ArrayList<>();
        for (Configuration c : configurations()) {
            try {
                sources.add(SourceConfigs.fromProperties(c.getPid(), c.getProperties()));
            } catch (IllegalArgumentException e) {
                // a hand-edited file with a bad value must not hide the other sources
                LOG.warn("Source configuration {} ignored: {}", c.getPid(), e.getMessage());
            }
        }
        sources.sort(Comparator.comparing(SourceDefinition::name));
        return sources;
    }

    @Override
    public Optional<SourceDefinition> get(String id) {
        return list().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public synchronized SourceDefinition create(SourceDefinition source) {
        SourceDefinition valid = SourceConfigs.validate(source);
        if (get(valid.name()).isPresent()) {
            throw new IllegalArgumentException("name: a source named '" + valid.name() + "' already exists");
        }
        try {
            Configuration c = configAdmin.getFactoryConfiguration(SourceConfigs.FACTORY_PID, valid.name(), "?");
            c.update(SourceConfigs.toProperties(valid));
            LOG.info("Source {} created (platform {}, {} seeds)", valid.name(), valid.platform(), valid.seeds().size());
            return valid;
        } catch (IOException e) {
            throw new UncheckedIOException("could not save source " + valid.name(), e);
        }
    }

    private Configuration[] configurations() {
        try {
            Configuration[] all = configAdmin.listConfigurations(
                    "(service.factoryPid=" + SourceConfigs.FACTORY_PID + ")");
            return all == null ? new Configuration[0] : all;
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("cannot read source configurations", e);
        }
    }
}
