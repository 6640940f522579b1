package org.markguard.evidence;

import java.util.ArrayList;
import java.util.List;
import org.markguard.evidence.VerificationReport.Check;
import org.markguard.evidence.VerificationReport.Outcome;
import org.markguard.evidence.VerificationReport.Problem;

/** Collects checks and their problems while a verification runs. */
final class ReportBuilder {
    private final String source;
    private final List<Recorder> checks = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    ReportBuilder(String source) {
        this.source = source;
    }

    /** Starts a check; checks are reported in the order started. */
    Recorder check(String name) {
        Recorder recorder = new Recorder(name);
        checks.add(recorder);
        return recorder;
    }

    VerificationReport build() {
        List<Check> done = checks.stream().map(Recorder::toCheck).toList();
        return new VerificationReport(source, done, problems);
    }

    /** One check being run. */
    final class Recorder {
        private final String name;
        private String detail = "";
        private boolean skipped;
        private int problemCount;

        private Recorder(String name) {
            this.name = name;
        }

        void problem(String file, String message) {
            problems.add(new Problem(name, file == null ? "" : file, message));
            problemCount++;
        }

        void detail(String text) {
            detail = text;
        }

        /** Marks the check as not applicable, saying why. */
        void skip(String reason) {
            skipped = true;
            detail = reason;
        }

        private Check toCheck() {
            Outcome outcome = problemCount > 0 ? Outcome.FAILED : skipped ? Outcome.SKIPPED : Outcome.PASSED;
            return new Check(name, outcome, detail);
        }
    }
}
