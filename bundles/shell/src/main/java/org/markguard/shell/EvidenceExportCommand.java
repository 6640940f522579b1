package org.markguard.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.EvidenceService;
import org.markguard.api.EvidenceStatus;
import org.markguard.api.ListingQuery;

@Command(scope = "markguard", name = "evidence-export",
        description = "Builds an evidence packet of listings (ids) or of a seller (--seller); --wait follows it")
@Service
public class EvidenceExportCommand implements Action {
    @Reference
    EvidenceService evidence;

    @Reference
    Session session;

    @Argument(index = 0, name = "ids", multiValued = true, description = "listing ids")
    List<String> ids;

    @Option(name = "--seller", description = "a seller key <platform>:<seller id> instead of ids")
    String seller;

    @Option(name = "--english", description = "add the English report")
    boolean english;

    @Option(name = "--recapture", description = "also fetch each page again now")
    boolean recapture;

    @Option(name = "--wait", description = "follow the packet until it is READY or FAILED")
    boolean await;

    @Override
    public Object execute() throws Exception {
        String user = session == null || session.get("USER") == null ? "console" : session.get("USER").toString();
        EvidenceStatus s = evidence.export(new EvidenceRequest(ids == null || ids.isEmpty() ? null : ids, seller, (ListingQuery) null,
                recapture, english ? List.of("vi", "en") : List.of("vi"), "exported from the console"), user);
        System.out.println("packet " + s.id() + " " + s.state());
        while (await && EvidenceStatus.RUNNING.equals(s.state())) {
            Thread.sleep(500);
            s = evidence.status(s.id()).orElseThrow();
            int width = ProgressBar.WIDTH;
            int filled = s.total() == 0 ? 0 : (int) Math.min(width, Math.round(width * (double) s.done() / s.total()));
            System.out.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + s.done() + "/" + s.total() + " " + s.state() + "   ");
            System.out.flush();
        }
        if (await) {
            System.out.println();
            System.out.println(s.state() + (s.message() == null || s.message().isEmpty() ? "" : ": " + s.message())
                    + (EvidenceStatus.READY.equals(s.state()) ? " " + evidence.packet(s.id()).map(Object::toString).orElse("")
                    + " sha256 " + s.sha256() : ""));
        }
        return null;
    }
}
