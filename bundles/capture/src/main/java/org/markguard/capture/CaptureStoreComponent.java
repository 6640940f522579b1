package org.markguard.capture;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.markguard.api.CaptureStore;
import org.markguard.api.HttpExchange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CaptureStore} service: a {@link WarcCaptureStore} configured from PID
 * {@code org.markguard.capture}. A configuration change closes the current file and starts a new one;
 * the read-write lock lets stores run concurrently but never while the store is being replaced.
 */
@Component(service = CaptureStore.class, configurationPid = CaptureStoreComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CaptureConfig.class)
public class CaptureStoreComponent implements CaptureStore {
    static final String PID = "org.markguard.capture";
    private static final Logger LOG = LoggerFactory.getLogger(CaptureStoreComponent.class);

    private final ReadWriteLock swap = new ReentrantReadWriteLock();
    private WarcCaptureStore store; // guarded by swap

    @Activate
    @Modified
    void configure(CaptureConfig config) throws IOException {
        WarcCaptureStore next = new WarcCaptureStore(WarcCaptureStore.resolveDirectory(config.directory()),
                config.maxFileBytes(), WarcCaptureStore.headerNames(config.redactRequestHeaders()));
        WarcCaptureStore previous;
        swap.writeLock().lock();
        try {
            previous = store;
            store = next;
        } finally {
            swap.writeLock().unlock();
        }
        if (previous != null) {
            previous.close();
        }
        LOG.info("Capture store writes WARC files to {} (new file every {} bytes, redacted request headers: {})",
                next.directory(), config.maxFileBytes(), config.redactRequestHeaders());
    }

    @Deactivate
    void deactivate() throws IOException {
        swap.writeLock().lock();
        try {
            if (store != null) {
                store.close();
                store = null;
            }
        } finally {
            swap.writeLock().unlock();
        }
    }

    @Override
    public String store(HttpExchange exchange) throws IOException {
        swap.readLock().lock();
        try {
            return active().store(exchange);
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public Optional<HttpExchange> read(String captureRef) throws IOException {
        swap.readLock().lock();
        try {
            return active().read(captureRef);
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public boolean copyRecords(String captureRef, java.io.OutputStream out) throws IOException {
        swap.readLock().lock();
        try {
            return active().copyRecords(captureRef, out);
        } finally {
            swap.readLock().unlock();
        }
    }

    private WarcCaptureStore active() throws IOException {
        if (store == null) {
            throw new IOException("capture store is not active");
        }
        return store;
    }
}
