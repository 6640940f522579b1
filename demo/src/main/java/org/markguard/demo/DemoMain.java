package org.markguard.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import org.markguard.api.Registries;

/**
 * Entry point: serves the demo marketplace until SIGTERM (or Ctrl-C), or writes its labels with
 * {@code --labels}. Prints exactly one line {@code READY <base-url>} on stdout once it listens, so
 * scripts can wait for it; everything else goes to stderr.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("markguard-demo: " + e.getMessage());
            }
            System.err.print(DemoOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        Registries registries = options.registryDir() == null ? RegistryLoader.bundled()
                : RegistryLoader.fromDirectory(options.registryDir());
        if (options.labelsFile() != null) {
            writeLabels(options, registries);
            return;
        }
        serve(options, registries);
    }

    private static void writeLabels(DemoOptions options, Registries registries) throws IOException {
        DemoSite site = new DemoSite(options.seed(), options.listings(), registries, options.baseUrl(),
                options.generation());
        try (OutputStream out = Files.newOutputStream(options.labelsFile())) {
            site.writeLabels(out);
        }
        System.err.println("markguard-demo: wrote labels of " + options.listings() + " listings to "
                + options.labelsFile());
    }

    private static void serve(DemoOptions options, Registries registries) throws IOException, InterruptedException {
        long started = System.nanoTime();
        DemoServer server = DemoServer.start(options.bind(), options.port(), options.seed(), options.listings(),
                registries, options.baseUrl(), options.generation());
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and SIGINT run shutdown hooks: stop serving, then let main return
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "demo-shutdown"));
        System.err.printf("markguard-demo: %d listings, seed %d, generation %d, base URL %s, ready in %d ms%n",
                options.listings(), options.seed(), options.generation(), server.baseUrl(),
                (System.nanoTime() - started) / 1_000_000);
        System.out.println("READY " + server.listenUrl());
        System.out.flush();
        stopped.await();
    }
}
