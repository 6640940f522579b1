package org.markguard.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.markguard.api.SourceDefinition;
import org.markguard.api.SourceService;

@Command(scope = "markguard", name = "source-list", description = "Lists the crawl sources")
@Service
public class SourceListCommand implements Action {
    @Reference
    SourceService sources;

    @Override
    public Object execute() {
        for (SourceDefinition s : sources.list()) {
            System.out.printf("%-24s %-10s depth %-3d pages %-7d delay %5d ms  %s%n", s.id(), s.platform(), s.maxDepth(),
                    s.maxPages(), s.politenessDelayMs(), String.join(" ", s.seeds()));
        }
        return null;
    }
}
