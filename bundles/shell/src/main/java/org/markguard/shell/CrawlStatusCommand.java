package org.markguard.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.markguard.api.CrawlFailure;
import org.markguard.api.CrawlService;
import org.markguard.api.CrawlState;
import org.markguard.api.CrawlStatus;

@Command(scope = "markguard", name = "crawl-status", description = "Shows crawls; with an id, its progress bar and failures")
@Service
public class CrawlStatusCommand implements Action {
    @Reference
    CrawlService crawls;

    @Argument(index = 0, name = "crawl", required = false, description = "crawl id; all crawls when absent")
    String crawlId;

    @Option(name = "--follow", aliases = "-f", description = "redraw the progress bar until the crawl ends")
    boolean follow;

    @Option(name = "--failures", description = "also list the recorded failures")
    boolean failures;

    @Override
    public Object execute() throws InterruptedException {
        if (crawlId == null) {
            for (CrawlStatus s : crawls.list()) {
                System.out.println(s.id() + "  " + s.sourceId() + "  " + ProgressBar.line(s));
            }
            return null;
        }
        if (crawls.status(crawlId).isEmpty()) {
            System.err.println("no crawl with id " + crawlId);
            return null;
        }
        if (follow) {
            follow(crawls, crawlId);
        } else {
            System.out.println(ProgressBar.line(crawls.status(crawlId).orElseThrow()));
        }
        if (failures) {
            for (CrawlFailure f : crawls.failures(crawlId)) {
                System.out.println(f.at() + "  " + f.url() + "  " + f.reason());
            }
        }
        return null;
    }

    static void follow(CrawlService crawls, String id) throws InterruptedException {
        CrawlStatus s;
        do {
            s = crawls.status(id).orElseThrow();
            System.out.print("\r" + ProgressBar.line(s) + "   ");
            System.out.flush();
            if (s.state() != CrawlState.RUNNING && s.state() != CrawlState.PAUSED) { // a paused crawl is followed on
                break;
            }
            Thread.sleep(500);
        } while (true);
        System.out.println();
        if (s.message() != null) {
            System.out.println(s.message());
        }
    }
}
