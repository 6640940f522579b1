package org.markguard.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.markguard.api.CrawlService;
import org.markguard.api.CrawlStatus;

@Command(scope = "markguard", name = "crawl-start", description = "Starts a crawl of a source")
@Service
public class CrawlStartCommand implements Action {
    @Reference
    CrawlService crawls;

    @Argument(index = 0, name = "source", required = true, description = "source id")
    String source;

    @Option(name = "--wait", description = "follow the crawl with a progress bar until it ends")
    boolean await;

    @Override
    public Object execute() throws InterruptedException {
        CrawlStatus started = crawls.start(source);
        System.out.println("crawl " + started.id() + " of " + source + " started");
        if (await) {
            CrawlStatusCommand.follow(crawls, started.id());
        }
        return null;
    }
}
