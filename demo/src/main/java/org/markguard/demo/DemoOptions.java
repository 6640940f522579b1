package org.markguard.demo;

import java.nio.file.Path;

/**
 * Command line of the demo.
 *
 * @param port port to listen on, 0 for any free port
 * @param bind address to bind, 127.0.0.1 by default
 * @param listings number of listings
 * @param seed generator seed
 * @param baseUrl base URL for absolute links and label URLs; null to derive it from bind and port
 * @param labelsFile when set, write the labels there and exit without serving
 * @param registryDir directory with brands.json and gis.json; null for the bundled copies
 * @param generation which run of the same seed this is; later ones reprice and remove listings
 */
record DemoOptions(int port, String bind, int listings, long seed, String baseUrl, Path labelsFile,
                   Path registryDir, int generation) {
    static final int DEFAULT_LISTINGS = 1000;

    static final String USAGE = """
            usage: java -jar markguard-demo.jar [--port N] [--bind ADDR] [--listings N] [--seed N]
                                                [--base-url URL] [--labels FILE] [--registry DIR]
                                                [--generation N]
              --port      port to listen on, 0 picks a free one (default 8089)
              --bind      address to bind (default 127.0.0.1)
              --listings  number of listings to generate (default 1000)
              --seed      generator seed; same seed and count give the same site (default 42)
              --base-url  base URL used in canonical links and labels (default http://<bind>:<port>/)
              --labels    write the labels JSON to FILE and exit (needs --base-url)
              --registry  directory with brands.json and gis.json (default: the bundled copies)
              --generation  run N of the same seed: from 2 on, some listings change price and
                          some are removed (404/410); the labels show both (default 1)
            """;

    static DemoOptions parse(String... args) {
        int port = 8089;
        String bind = "127.0.0.1";
        int listings = DEFAULT_LISTINGS;
        int generation = 1;
        long seed = 42;
        String baseUrl = null;
        Path labels = null;
        Path registry = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = parseInt(flag, value, 0, 65535);
                case "--bind" -> bind = value;
                case "--listings" -> listings = parseInt(flag, value, 0, 10_000_000);
                case "--seed" -> seed = parseLong(flag, value);
                case "--base-url" -> baseUrl = value.endsWith("/") ? value : value + "/";
                case "--labels" -> labels = Path.of(value);
                case "--registry" -> registry = Path.of(value);
                case "--generation" -> generation = parseInt(flag, value, 1, 1000);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (labels != null && baseUrl == null) {
            throw new IllegalArgumentException("--labels needs --base-url, the URLs the labels refer to");
        }
        return new DemoOptions(port, bind, listings, seed, baseUrl, labels, registry, generation);
    }

    private static int parseInt(String flag, String value, int min, int max) {
        long n = parseLong(flag, value);
        if (n < min || n > max) {
            throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ": " + value);
        }
        return (int) n;
    }

    private static long parseLong(String flag, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number: " + value);
        }
    }
}
