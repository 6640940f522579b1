package org.markguard.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.markguard.api.CrawlService;

@Command(scope = "markguard", name = "crawl-stop", description = "Stops a running crawl; what was fetched stays")
@Service
public class CrawlStopCommand implements Action {
    @Reference
    CrawlService crawls;

    @Argument(index = 0, name = "crawl", required = true, description = "crawl id")
    String crawlId;

    @Override
    public Object execute() {
        System.out.println(crawls.stop(crawlId).map(ProgressBar::line).orElse("no crawl with id " + crawlId));
        return null;
    }
}
