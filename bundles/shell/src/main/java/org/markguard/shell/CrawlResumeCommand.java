package org.markguard.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.markguard.api.CrawlService;

@Command(scope = "markguard", name = "crawl-resume", description = "Resumes a paused crawl from where it was held")
@Service
public class CrawlResumeCommand implements Action {
    @Reference
    CrawlService crawls;

    @Argument(index = 0, name = "crawl", required = true, description = "crawl id")
    String crawlId;

    @Override
    public Object execute() {
        try {
            System.out.println(crawls.resume(crawlId).map(ProgressBar::line).orElse("no crawl with id " + crawlId));
        } catch (IllegalStateException | UnsupportedOperationException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }
}
