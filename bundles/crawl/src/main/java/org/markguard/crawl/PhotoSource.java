package org.markguard.crawl;

/** Where the product photos of a crawl are downloaded from: the crawl's own fetcher, or a fake in tests. */
interface PhotoSource {

    /**
     * A download's outcome: bytes and content type, or why there are none.
     *
     * @param failure null when {@code bytes} hold the whole photo
     */
    record Download(byte[] bytes, String contentType, String failure) {
        static Download failed(String why) {
            return new Download(null, null, why);
        }
    }

    /** Downloads one photo of at most {@code maxBytes}; never throws. */
    Download download(String url, int maxBytes);
}
