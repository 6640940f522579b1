package org.markguard.render;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.markguard.api.HttpExchange;
import org.markguard.api.PageRenderer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PageRenderer} service, configured from PID {@code org.markguard.render}. Activation
 * never fails for a missing browser: it logs why, and every call then throws an IOException that
 * says the same, so Karaf and the other bundles keep running.
 */
@Component(service = PageRenderer.class, configurationPid = RendererComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RenderConfig.class)
public class RendererComponent implements PageRenderer {
    static final String PID = "org.markguard.render";
    private static final Logger LOG = LoggerFactory.getLogger(RendererComponent.class);

    private volatile ChromiumRenderer renderer;

    @Activate
    @Modified
    void configure(RenderConfig config) {
        ChromiumRenderer previous = renderer;
        ChromiumRenderer next = new ChromiumRenderer(RenderSettings.from(config));
        renderer = next;
        if (previous != null) {
            previous.close(); // pages still running on it finish or fail with an IOException
        }
        if (next.unavailableReason() != null) {
            LOG.error("Page rendering is disabled: {}", next.unavailableReason());
        } else {
            LOG.info("Page renderer ready: {} with {} concurrent pages", config.chromiumPath(),
                    config.maxConcurrentPages());
        }
    }

    @Deactivate
    void deactivate() {
        ChromiumRenderer current = renderer;
        renderer = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public HttpExchange render(String url, Map<String, String> extraHeaders, Duration timeout) throws IOException {
        return active().render(url, extraHeaders, timeout);
    }

    @Override
    public byte[] screenshot(byte[] html, String baseUrl, Duration timeout) throws IOException {
        return active().screenshot(html, baseUrl, timeout);
    }

    private ChromiumRenderer active() throws IOException {
        ChromiumRenderer current = renderer;
        if (current == null) {
            throw new IOException("page renderer is not active");
        }
        return current;
    }
}
