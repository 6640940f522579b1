package org.markguard.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The UI sources as shipped: every module parses, the JavaScript unit tests pass (both with the
 * system Node.js, as the CI installs it), and nothing in them could put data into the page as
 * markup, run inline script, or load anything from another host.
 */
class WorkbenchSourcesTest {
    private static final Path WEB = Path.of(System.getProperty("workbench.web", "src/main/resources/web"));
    private static final Path JS_TESTS = Path.of(System.getProperty("workbench.jstests", "src/test/js"));
    private static final String NODE = "/usr/bin/node";

    private static List<Path> files(String extension) throws IOException {
        try (Stream<Path> walk = Files.walk(WEB)) {
            return walk.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }

    private static String run(List<String> command, Path stdin) throws Exception {
        if (!Files.isExecutable(Path.of(NODE))) {
            fail("these tests need Node.js at " + NODE + " (Debian package nodejs; .ci/run installs it)");
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("WORKBENCH_WEB", WEB.toAbsolutePath().toString());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), String.join(" ", command) + (stdin == null ? "" : " < " + stdin) + "\n" + out);
        return out;
    }

    @Test
    void everyModuleParses() throws Exception {
        List<Path> modules = files(".js");
        assertTrue(modules.size() >= 20, "modules: " + modules);
        for (Path module : modules) {
            // from stdin with an explicit module type: `node --check file.js` alone passes broken ES modules
            run(List.of(NODE, "--input-type=module", "--check"), module);
        }
    }

    @Test
    void javascriptUnitTestsPass() throws Exception {
        String out = run(List.of(NODE, "--test", JS_TESTS.toAbsolutePath().toString()), null);
        Matcher pass = Pattern.compile("# pass (\\d+)").matcher(out);
        assertTrue(pass.find() && Integer.parseInt(pass.group(1)) >= 10, out);
        assertTrue(out.contains("# fail 0"), out);
    }

    @Test
    void noCodePathTurnsDataIntoMarkup() throws Exception {
        Pattern forbidden = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\("
                + "|new\\s+Function\\s*\\(|setAttribute\\(\\s*['\"](?:style|on\\w+)|createContextualFragment|DOMParser"
                + "|setTimeout\\(\\s*['\"`]|\\.srcdoc\\b");
        List<String> hits = new ArrayList<>();
        for (Path file : files(".js")) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (forbidden.matcher(lines.get(i)).find()) {
                    hits.add(WEB.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), hits);
    }

    @Test
    void theHtmlHasNoInlineScriptStyleOrHandler() throws Exception {
        for (Path html : files(".html")) {
            String text = Files.readString(html);
            Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(text);
            int count = 0;
            while (scripts.find()) {
                count++;
                assertTrue(scripts.group(1).contains("src=\"/ui/"), "script without our src: " + scripts.group());
                assertEquals("", scripts.group(2).strip(), "inline script in " + html);
            }
            assertTrue(count > 0, "no script in " + html);
            assertTrue(!Pattern.compile("\\sstyle\\s*=|<style\\b|\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
                    .matcher(text).find(), "inline style or event handler in " + html);
        }
    }

    @Test
    void nothingIsLoadedFromAnotherHost() throws Exception {
        Pattern external = Pattern.compile("(?:https?:)?//[a-z0-9.-]+\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);
        List<String> hits = new ArrayList<>();
        List<Path> all = new ArrayList<>(files(".js"));
        all.addAll(files(".html"));
        all.addAll(files(".css"));
        for (Path file : all) {
            Matcher m = external.matcher(Files.readString(file));
            while (m.find()) {
                // the SVG namespace is a name, not a request
                if (!m.group().equals("http://www.w3.org")) {
                    hits.add(WEB.relativize(file) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), hits);
        for (Path css : files(".css")) {
            assertTrue(!Files.readString(css).contains("@import"), "@import in " + css);
        }
    }
}
