package org.markguard.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.markguard.api.SourceDefinition;
import org.markguard.api.SourceService;

@Command(scope = "markguard", name = "source-add", description = "Adds a crawl source (same rules as POST /api/v1/sources)")
@Service
public class SourceAddCommand implements Action {
    @Reference
    SourceService sources;

    @Argument(index = 0, name = "name", required = true, description = "lowercase letters, digits, dashes")
    String name;

    @Argument(index = 1, name = "platform", required = true, description = "platform key, e.g. shopee")
    String platform;

    @Argument(index = 2, name = "seeds", required = true, multiValued = true, description = "start URLs")
    List<String> seeds;

    @Option(name = "--depth", description = "maximum link depth (default 5)")
    int maxDepth = 5;

    @Option(name = "--max-pages", description = "pages per crawl at most (default 10000)")
    int maxPages = 10_000;

    @Option(name = "--delay", description = "politeness delay per host in ms (default 1000)")
    int delay = 1_000;

    @Option(name = "--include", multiValued = true, description = "regular expression a followed URL must contain")
    List<String> includes;

    @Override
    public Object execute() {
        SourceDefinition s = sources.create(new SourceDefinition(null, name, platform, seeds, List.of(), maxDepth, maxPages,
                delay, includes));
        System.out.println("source " + s.id() + " created");
        return null;
    }
}
