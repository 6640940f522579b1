package org.markguard.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

/** A capture copied out as a WARC file of its own: exact bytes, valid, and the right records. */
class RecordCopyTest {
    @TempDir
    Path dir;

    @Test
    void aCopiedCaptureIsItsRecordsByteForByteAndAValidWarc() throws Exception {
        List<String> refs = new ArrayList<>();
        Random random = new Random(7);
        try (WarcCaptureStore store = new WarcCaptureStore(dir, WarcCaptureStore.DEFAULT_MAX_FILE_BYTES, List.of("Cookie"))) {
            for (int i = 0; i < 12; i++) {
                refs.add(store.store(WarcCaptureStoreTest.exchange(i, random)));
            }
            for (int i : new int[] {0, 5, 11}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertTrue(store.copyRecords(refs.get(i), out));
                Path copy = dir.resolve("copy-" + i + ".warc.gz");
                Files.write(copy, out.toByteArray());
                JwarcValidation.assertValid(copy);
                List<WarcRecord> records = new ArrayList<>();
                try (WarcReader reader = new WarcReader(copy)) {
                    reader.forEach(records::add);
                }
                assertEquals(3, records.size());
                assertEquals("warcinfo", records.get(0).type());
                WarcResponse response = (WarcResponse) records.get(1);
                assertEquals(CaptureRef.parse(refs.get(i)).orElseThrow().recordId(), response.id().toString());
                assertTrue(((WarcRequest) records.get(2)).concurrentTo().contains(response.id()));
                assertArrayEquals(WarcCaptureStoreTest.exchange(i, new Random(7)).url().getBytes(),
                        response.target().getBytes(), "the record of listing " + i);
                // the bytes are the stored bytes: the copy is a prefix of the file plus a slice of it
                CaptureRef ref = CaptureRef.parse(refs.get(i)).orElseThrow();
                byte[] file = Files.readAllBytes(dir.resolve(ref.fileName()));
                byte[] copied = out.toByteArray();
                long info;
                try (FileChannel ch = FileChannel.open(dir.resolve(ref.fileName()))) {
                    info = GzipMembers.length(ch, 0);
                }
                for (int b = 0; b < copied.length; b++) {
                    byte expected = b < info ? file[b] : file[(int) (ref.offset() + b - info)];
                    if (copied[b] != expected) {
                        throw new AssertionError("byte " + b + " differs");
                    }
                }
            }
            assertFalse(store.copyRecords("warc:nope.warc.gz#0;urn:uuid:00000000-0000-0000-0000-000000000000",
                    new ByteArrayOutputStream()));
        }
    }
}
