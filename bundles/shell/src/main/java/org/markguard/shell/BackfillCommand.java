package org.markguard.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.markguard.api.BackfillService;
import org.markguard.api.BackfillStatus;
import org.markguard.api.CrawlState;

@Command(scope = "markguard", name = "backfill", description = "Shows backfills; --start re-assesses every indexed listing")
@Service
public class BackfillCommand implements Action {
    @Reference
    BackfillService backfill;

    @Option(name = "--start", description = "start a backfill now")
    boolean start;

    @Option(name = "--wait", description = "with --start: follow it until it ends")
    boolean await;

    @Override
    public Object execute() throws InterruptedException {
        if (start) {
            backfill.start("requested from the console");
            if (await) {
                Thread.sleep(3_500); // the worker picks requests up within its 3 s tick
                BackfillStatus s;
                do {
                    s = backfill.history().get(0);
                    System.out.print("\r" + line(s) + "   ");
                    System.out.flush();
                    Thread.sleep(500);
                } while (s.state() == CrawlState.RUNNING);
                System.out.println();
                return null;
            }
        }
        backfill.history().forEach(s -> System.out.println(line(s)));
        return null;
    }

    static String line(BackfillStatus s) {
        int width = ProgressBar.WIDTH;
        int filled = s.total() == 0 ? (s.state() == CrawlState.RUNNING ? 0 : width)
                : (int) Math.min(width, Math.round(width * (double) s.done() / s.total()));
        return String.format("[%s%s] %s %d/%d listings, %d changed — %s %s", "#".repeat(filled), ".".repeat(width - filled),
                s.state(), s.done(), s.total(), s.changed(), s.reason(), s.detectors());
    }
}
