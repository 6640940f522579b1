package org.markguard.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link PacketVerifier} found: every check with its outcome, and every problem, each naming
 * the file (relative to the bag's top folder) and what is wrong with it. {@link #ok()} holds when
 * there is no problem at all.
 */
public final class VerificationReport {

    /** PASSED and SKIPPED (not applicable, e.g. no time-stamp token in the packet) are not failures. */
    public enum Outcome { PASSED, FAILED, SKIPPED }

    /** One check: its name, outcome and a one-line detail (counts, key fingerprint, TSA and time). */
    public record Check(String name, Outcome outcome, String detail) {
    }

    /**
     * One problem.
     *
     * @param check the name of the check that found it
     * @param file the file concerned, relative to the bag's top folder ("" for the packet as a whole)
     * @param message what is wrong
     */
    public record Problem(String check, String file, String message) {
        @Override
        public String toString() {
            return (file.isEmpty() ? "" : file + ": ") + message;
        }
    }

    private final String source;
    private final List<Check> checks;
    private final List<Problem> problems;

    VerificationReport(String source, List<Check> checks, List<Problem> problems) {
        this.source = source;
        this.checks = List.copyOf(checks);
        this.problems = List.copyOf(problems);
    }

    /** True when every check passed or did not apply. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The packet or bag verified, as given. */
    public String source() {
        return source;
    }

    public List<Check> checks() {
        return checks;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The problems concerning one file. */
    public List<Problem> problemsWith(String file) {
        return problems.stream().filter(p -> p.file().equals(file)).toList();
    }

    /** The report as text, one line per check followed by its problems, then a verdict line. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Check check : checks) {
            String word = switch (check.outcome()) {
                case PASSED -> "PASS";
                case FAILED -> "FAIL";
                case SKIPPED -> "SKIP";
            };
            lines.add(word + "  " + check.name() + (check.detail().isEmpty() ? "" : ": " + check.detail()));
            problems.stream().filter(p -> p.check().equals(check.name())).forEach(p -> lines.add("      problem: " + p));
        }
        lines.add(ok() ? "VALID: every check holds for " + source
                : "INVALID: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + source);
        return lines;
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
