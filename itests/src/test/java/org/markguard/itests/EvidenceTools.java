package org.markguard.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Runs the tools no one here wrote on evidence packets, and unzips and tampers with packets. */
final class EvidenceTools {
    record Run(int exit, String output) {
    }

    private EvidenceTools() {
    }

    static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(p.exitValue(), out);
    }

    /** warcio.js (npm), installed once under target/ when missing, reading every record of a WARC. */
    static Run warcio(Path target, Path warc) throws IOException, InterruptedException {
        Path home = target.resolve("warcio");
        if (!Files.isDirectory(home.resolve("node_modules/warcio"))) {
            Files.createDirectories(home);
            Run install = run(home, List.of("npm", "install", "--no-audit", "--no-fund", "--silent", "warcio@2.4.11"));
            if (install.exit() != 0) {
                throw new AssertionError("npm install warcio failed:\n" + install.output());
            }
        }
        Path script = home.resolve("read.mjs");
        Files.writeString(script, """
                import { WARCParser } from 'warcio';
                import fs from 'node:fs';
                let n = 0;
                for await (const record of new WARCParser(fs.createReadStream(process.argv[2]))) {
                  await record.readFully(false);
                  console.log(record.warcType, record.warcTargetURI || '-');
                  n++;
                }
                console.log('records', n);
                """);
        return run(home, List.of("node", script.toString(), warc.toString()));
    }

    static Path unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the folder: " + e.getName());
                }
                if (top == null) {
                    top = into.resolve(e.getName().substring(0, e.getName().indexOf('/')));
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        return top;
    }

    /** A copy of the zip with one byte of one entry (the first whose name ends so) flipped. */
    static String tamper(Path zip, Path copy, String suffix) throws IOException {
        String changed = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (changed == null && e.getName().endsWith(suffix) && bytes.length > 0) {
                    bytes[bytes.length / 2] ^= 1;
                    changed = e.getName();
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (changed == null) {
            throw new AssertionError("no entry ending " + suffix);
        }
        return changed;
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.filter(p -> p.toString().endsWith(suffix)).forEach(out::add);
        }
        return out;
    }
}
